package uk.org.quadrant.gateway.report;

/**
 * Realistic service answers (the demo data's figures from the board's 2017/18 report: 569, 607 and 730
 * children on a plan, 458 and 1,255 early help assessments, 667 and 691 children looked after) for one year (2017/18), shaped like the real APIs' JSON: the
 * indicators-service scorecard, audits-service audits, grades and theme analyses, actions-service
 * actions and progress updates. Shared by the model test and the HTTP stand-ins.
 */
final class ReportStubData {

    private ReportStubData() {
    }

    static final String SCORECARD = """
            [{"code":"CP-PLANS","title":"Children subject to a child protection plan","unit":"COUNT","polarity":"LOWER_IS_BETTER",
              "priority":2,"ownerAgency":"CSC","period":"2017April","periodLabel":"2017/18","value":730,"target":650,"rag":"RED",
              "direction":"WORSENING","previousValue":607,"change":123,"changePercent":20.3,"benchmarks":{},"status":"APPROVED",
              "comment":null,"outlier":false,"trend":[{"period":"2015April","value":569},{"period":"2016April","value":607},
              {"period":"2017April","value":730}]},
             {"code":"MASH-TIMELINESS","title":"MASH enquiries completed in time","unit":"PERCENT","polarity":"HIGHER_IS_BETTER",
              "priority":7,"ownerAgency":"CSC","period":"201803","periodLabel":"March 2018","value":45,"target":75,"rag":"RED",
              "direction":"NO_PREVIOUS","previousValue":null,"change":null,"changePercent":null,"benchmarks":{},"status":"APPROVED",
              "comment":"Below target","outlier":false,"trend":[]},
             {"code":"FATHERS-ATTENDING","title":"Fathers attending child protection conferences","unit":"PERCENT",
              "polarity":"HIGHER_IS_BETTER","priority":3,"ownerAgency":"CSC","period":"2017AprilQ4","periodLabel":"Q4 2017/18",
              "value":50,"target":55,"rag":"AMBER","direction":"STABLE","previousValue":50.2,"change":-0.2,"changePercent":-0.4,
              "benchmarks":{},"status":"APPROVED","comment":null,"outlier":false,"trend":[{"period":"2016AprilQ4","value":46},
              {"period":"2017AprilQ3","value":50.2},{"period":"2017AprilQ4","value":50}]},
             {"code":"LAC","title":"Children looked after","unit":"COUNT","polarity":"LOWER_IS_BETTER","priority":5,"ownerAgency":"CSC",
              "period":"2017April","periodLabel":"2017/18","value":691,"target":700,"rag":"GREEN","direction":"WORSENING",
              "previousValue":667,"change":24,"changePercent":3.6,"benchmarks":{},"status":"APPROVED","comment":null,"outlier":false,
              "trend":[{"period":"2016April","value":667},{"period":"2017April","value":691}]},
             {"code":"EH-ASSESSMENTS","title":"Early help assessments completed","unit":"COUNT","polarity":"HIGHER_IS_BETTER",
              "priority":1,"ownerAgency":"EI","period":"2017April","periodLabel":"2017/18","value":1255,"target":1200,"rag":"GREEN",
              "direction":"IMPROVING","previousValue":458,"change":797,"changePercent":174.0,"benchmarks":{},"status":"APPROVED",
              "comment":null,"outlier":false,"trend":[{"period":"2016April","value":458},{"period":"2017April","value":1255}]},
             {"code":"OLD-MEASURE","title":"Retired CAF measure","unit":"COUNT","polarity":"HIGHER_IS_BETTER","priority":1,
              "ownerAgency":"EI","period":"2015April","periodLabel":"2015/16","value":10,"target":100,"rag":"RED",
              "direction":"WORSENING","previousValue":20,"change":-10,"changePercent":-50.0,"benchmarks":{},"status":"APPROVED",
              "comment":null,"outlier":false,"trend":[]}]""";

    static final String AUDITS = """
            [{"id":1,"type":"MULTI_AGENCY_CASE_AUDIT","title":"Neglect multi-agency audit","leadAgency":"BOARD",
              "participatingAgencies":["CSC","TVP"],"periodStart":"2017-06-01","periodEnd":"2017-09-30","status":"REPORTED",
              "gradingScale":"OFSTED","createdBy":"manager","updatedBy":"manager","updatedAt":"2017-10-01T09:00:00Z","version":3},
             {"id":2,"type":"SINGLE_AGENCY_AUDIT","title":"Domestic incidents audit","leadAgency":"TVP","participatingAgencies":[],
              "periodStart":"2017-10-01","periodEnd":"2018-01-31","status":"CLOSED","gradingScale":"OFSTED","createdBy":"tvp.lead",
              "updatedBy":"tvp.lead","updatedAt":"2018-02-01T09:00:00Z","version":2},
             {"id":3,"type":"PRACTITIONER_EVENT_OR_SURVEY","title":"Practitioner listening event","leadAgency":"BOARD",
              "participatingAgencies":[],"periodStart":"2018-02-01","periodEnd":"2018-02-28","status":"REPORTED",
              "createdBy":"manager","updatedBy":"manager","updatedAt":"2018-03-01T09:00:00Z","version":1},
             {"id":4,"type":"SERIOUS_CASE_REVIEW","title":"An earlier review","leadAgency":"BOARD","participatingAgencies":[],
              "periodStart":"2015-04-01","periodEnd":"2016-03-31","status":"CLOSED","createdBy":"manager","updatedBy":"manager",
              "updatedAt":"2016-05-01T09:00:00Z","version":1}]""";

    static final String GRADES = """
            [{"gradingScale":"OFSTED","audits":2,"cases":12,"distribution":{"OUTSTANDING":1,"GOOD":8,"REQUIRES_IMPROVEMENT":3,
              "INADEQUATE":0},"percentMeetingStandard":75.0,"standard":"GOOD","auditIds":[1,2]}]""";

    static final String QUALITATIVE_THEMES = """
            [{"theme":"NEGLECT","label":"Neglect","findings":7,"sources":2,"sourceTypes":["MULTI_AGENCY_CASE_AUDIT","SINGLE_AGENCY_AUDIT"],
              "quadrants":["QUALITATIVE"],"repeated":true,"examples":[
                {"findingId":101,"auditId":1,"auditTitle":"Neglect multi-agency audit","kind":"LEARNING_POINT",
                 "text":"Use the child care development checklist earlier"},
                {"findingId":102,"auditId":2,"auditTitle":"Domestic incidents audit","kind":"RECOMMENDATION",
                 "text":"Refer every young person's case to MARAC whatever the assessed risk"}]},
             {"theme":"CHRONOLOGIES","label":"Chronologies","findings":1,"sources":1,"sourceTypes":["MULTI_AGENCY_CASE_AUDIT"],
              "quadrants":["QUALITATIVE"],"repeated":false,"examples":[
                {"findingId":103,"auditId":1,"auditTitle":"Neglect multi-agency audit","kind":"CONCERN",
                 "text":"Chronologies were out of date in half the cases"}]}]""";

    static final String PRACTITIONER_THEMES = """
            [{"theme":"THRESHOLDS","label":"Thresholds","findings":3,"sources":1,"sourceTypes":["PRACTITIONER_EVENT_OR_SURVEY"],
              "quadrants":["PRACTITIONER"],"repeated":false,"examples":[
                {"findingId":201,"auditId":3,"auditTitle":"Practitioner listening event","kind":"VIEW",
                 "text":"Threshold awareness at the level of early help needs to be greater"},
                {"findingId":102,"auditId":2,"auditTitle":"Domestic incidents audit","kind":"RECOMMENDATION",
                 "text":"Refer every young person's case to MARAC whatever the assessed risk"}]}]""";

    static final String FAMILIES_THEMES = """
            [{"theme":"VOICE_OF_THE_CHILD","label":"Voice of the child","findings":4,"sources":2,
              "sourceTypes":["CHILDREN_AND_FAMILIES_ENGAGEMENT"],"quadrants":["CHILDREN_AND_FAMILIES"],"repeated":true,"examples":[
                {"findingId":301,"auditId":5,"auditTitle":"Young people's forum","kind":"VIEW","text":"Telling my story over and over"}]}]""";

    static final String ACTIONS = """
            [{"id":11,"planId":1,"ref":"NA1","issue":"Neglect not recognised early","action":"Roll out the neglect toolkit",
              "outcome":"Earlier help","dueDate":"2018-03-31","leadRole":"Principal Social Worker","leadAgency":"CSC","priority":1,
              "status":"COMPLETED","delivery":"COMPLETED","updatedBy":"csc.lead","updatedAt":"2018-02-01T10:00:00Z","version":4},
             {"id":12,"planId":1,"ref":"NA2","issue":"No targets for children missing education",
              "action":"Set targets for children missing education","dueDate":"2018-01-31","leadRole":"Head of Learning",
              "leadAgency":"EDU","priority":4,"status":"IN_PROGRESS","delivery":"OVERDUE","updatedBy":"manager",
              "updatedAt":"2017-12-01T10:00:00Z","version":2},
             {"id":13,"planId":2,"ref":"DA1","issue":"Young people's domestic abuse pathway unclear",
              "action":"Publish the young people's domestic abuse pathway","dueDate":"2027-06-30","leadRole":"Detective Inspector",
              "leadAgency":"TVP","priority":3,"status":"NOT_STARTED","delivery":"ON_TRACK","updatedBy":"manager",
              "updatedAt":"2018-03-01T10:00:00Z","version":1}]""";

    static final String UPDATES = """
            [{"id":1,"actionId":11,"updateDate":"2017-09-01","author":"csc.lead","agency":"CSC","narrative":"Toolkit launched",
              "difference":"Practitioners report using the checklist","statusAfter":"IN_PROGRESS","createdAt":"2017-09-01T10:00:00Z"},
             {"id":2,"actionId":11,"updateDate":"2018-02-01","author":"csc.lead","agency":"CSC","narrative":"Toolkit in use",
              "difference":"Neglect named earlier in 8 of 10 audited cases","statusAfter":"COMPLETED","createdAt":"2018-02-01T10:00:00Z"},
             {"id":3,"actionId":12,"updateDate":"2017-12-01","author":"manager","agency":"BOARD","narrative":"Data requested from schools",
              "difference":null,"statusAfter":null,"createdAt":"2017-12-01T10:00:00Z"}]""";
}
