-- Reference data, not demo data: the partner agencies of the partnership (codes are the contract).
INSERT INTO agency (code, name) VALUES
  ('CSC',   'Children''s Social Care'),
  ('EI',    'Early Intervention / Locality and Community Support'),
  ('EDU',   'Schools and Learning'),
  ('TVP',   'Thames Valley Police'),
  ('OH',    'Oxford Health NHS FT'),
  ('OUH',   'Oxford University Hospitals NHS FT'),
  ('CCG',   'Clinical Commissioning Group'),
  ('NPS',   'National Probation Service'),
  ('CRC',   'Community Rehabilitation Company'),
  ('YJS',   'Youth Justice Service'),
  ('PH',    'Public Health'),
  ('VCS',   'Voluntary and community sector'),
  ('BOARD', 'Safeguarding Children Board business unit');
