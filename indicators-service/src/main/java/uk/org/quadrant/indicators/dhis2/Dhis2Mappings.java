package uk.org.quadrant.indicators.dhis2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem;
import uk.org.quadrant.indicators.catalogue.IndicatorCatalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which indicator a DHIS2 data element (and category option combo) is, and which agency an org unit is:
 * read by everyone signed in, written by the manager (change-logged). An indicator carries at most one data
 * element and combo and an agency at most one org unit: mapping one that already carries another moves it
 * (the old mapping is removed, and logged), so that an export names each one way.
 */
@Singleton
public class Dhis2Mappings {

    /** The stored combo of a data element's mapping that applies to every combo without a mapping of its own. */
    static final String EVERY_COMBO = "";

    private final DataElementMappingRepository elements;
    private final OrgUnitMappingRepository orgUnits;
    private final IndicatorCatalogue catalogue;
    private final Agencies agencies;
    private final ChangeRecorder changes;

    Dhis2Mappings(DataElementMappingRepository elements, OrgUnitMappingRepository orgUnits, IndicatorCatalogue catalogue,
                  Agencies agencies, ChangeRecorder changes) {
        this.elements = elements;
        this.orgUnits = orgUnits;
        this.catalogue = catalogue;
        this.agencies = agencies;
        this.changes = changes;
    }

    public Dhis2MappingList all() {
        return new Dhis2MappingList(elements.listInOrder().stream().map(Dhis2Mappings::view).toList(),
                orgUnits.listInOrder().stream().map(Dhis2Mappings::view).toList());
    }

    /** Every mapping at once, to resolve a whole file or export with. */
    public Resolver resolver() {
        return new Resolver(elements.listInOrder(), orgUnits.listInOrder());
    }

    @Transactional
    public Dhis2MappingList.DataElement putDataElement(String uid, @Nullable String combo, DataElementMappingRequest request, Caller caller) {
        String comboKey = comboKey(uid, combo);
        String code = request.indicator().strip();
        if (catalogue.find(code).isEmpty()) {
            throw new InvalidRequestException("indicator", "no indicator " + clip(code));
        }
        List<DataElementMappingRow> all = elements.listInOrder();
        Optional<DataElementMappingRow> current = all.stream()
                .filter(r -> r.dataElement().equals(uid) && r.categoryOptionCombo().equals(comboKey)).findFirst();
        // The indicator moves: its mapping from another data element or combo goes first (one indicator, one name).
        for (DataElementMappingRow other : all) {
            if (other.indicatorCode().equals(code) && current.map(c -> !c.id().equals(other.id())).orElse(true)) {
                elements.delete(other);
                changes.record(caller, "dhis2-data-element", key(other.dataElement(), other.categoryOptionCombo()), "DELETE",
                        view(other), null);
            }
        }
        Instant now = Instant.now();
        DataElementMappingRow next;
        if (current.isPresent()) {
            DataElementMappingRow c = current.get();
            if (c.indicatorCode().equals(code)) {
                return view(c);
            }
            next = elements.update(new DataElementMappingRow(c.id(), uid, comboKey, code, c.version() + 1, caller.username(), now));
        } else {
            next = elements.save(new DataElementMappingRow(null, uid, comboKey, code, 1L, caller.username(), now));
        }
        changes.record(caller, "dhis2-data-element", key(uid, comboKey), current.isPresent() ? "UPDATE" : "CREATE",
                current.map(Dhis2Mappings::view).orElse(null), view(next));
        return view(next);
    }

    @Transactional
    public void deleteDataElement(String uid, @Nullable String combo, Caller caller) {
        String comboKey = comboKey(uid, combo);
        DataElementMappingRow row = elements.listInOrder().stream()
                .filter(r -> r.dataElement().equals(uid) && r.categoryOptionCombo().equals(comboKey)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Data element " + key(uid, comboKey) + " is not mapped"));
        elements.delete(row);
        changes.record(caller, "dhis2-data-element", key(uid, comboKey), "DELETE", view(row), null);
    }

    @Transactional
    public Dhis2MappingList.OrgUnit putOrgUnit(String uid, OrgUnitMappingRequest request, Caller caller) {
        requireUid("uid", uid);
        String agency = request.agency().strip();
        if (!agencies.exists(agency)) {
            throw new InvalidRequestException("agency", "no agency " + clip(agency));
        }
        List<OrgUnitMappingRow> all = orgUnits.listInOrder();
        Optional<OrgUnitMappingRow> current = all.stream().filter(r -> r.orgUnit().equals(uid)).findFirst();
        for (OrgUnitMappingRow other : all) {
            if (other.agencyCode().equals(agency) && !other.orgUnit().equals(uid)) {
                orgUnits.delete(other);
                changes.record(caller, "dhis2-org-unit", other.orgUnit(), "DELETE", view(other), null);
            }
        }
        Instant now = Instant.now();
        OrgUnitMappingRow next;
        if (current.isPresent()) {
            OrgUnitMappingRow c = current.get();
            if (c.agencyCode().equals(agency)) {
                return view(c);
            }
            next = orgUnits.update(new OrgUnitMappingRow(uid, agency, c.version() + 1, caller.username(), now));
        } else {
            next = orgUnits.save(new OrgUnitMappingRow(uid, agency, 1L, caller.username(), now));
        }
        changes.record(caller, "dhis2-org-unit", uid, current.isPresent() ? "UPDATE" : "CREATE",
                current.map(Dhis2Mappings::view).orElse(null), view(next));
        return view(next);
    }

    @Transactional
    public void deleteOrgUnit(String uid, Caller caller) {
        requireUid("uid", uid);
        OrgUnitMappingRow row = orgUnits.listInOrder().stream().filter(r -> r.orgUnit().equals(uid)).findFirst()
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Org unit " + uid + " is not mapped"));
        orgUnits.delete(row);
        changes.record(caller, "dhis2-org-unit", uid, "DELETE", view(row), null);
    }

    /** The stored combo: the UID given, or {@link #EVERY_COMBO}; both UIDs checked (400 naming each). */
    private static String comboKey(String uid, @Nullable String combo) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!Dhis2Uid.valid(uid)) {
            errors.add(new Problem.FieldError("uid", "must be a DHIS2 UID: 11 letters and digits, the first a letter"));
        }
        boolean none = combo == null || combo.isEmpty();
        if (!none && !Dhis2Uid.valid(combo)) {
            errors.add(new Problem.FieldError("categoryOptionCombo", "must be a DHIS2 UID: 11 letters and digits, the first a letter"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return none ? EVERY_COMBO : combo;
    }

    private static void requireUid(String field, String uid) {
        if (!Dhis2Uid.valid(uid)) {
            throw new InvalidRequestException(field, "must be a DHIS2 UID: 11 letters and digits, the first a letter");
        }
    }

    private static String key(String element, String combo) {
        return combo.isEmpty() ? element : element + "/" + combo;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static Dhis2MappingList.DataElement view(DataElementMappingRow r) {
        return new Dhis2MappingList.DataElement(r.dataElement(), r.categoryOptionCombo().isEmpty() ? null : r.categoryOptionCombo(),
                r.indicatorCode(), r.version(), r.updatedBy(), r.updatedAt());
    }

    static Dhis2MappingList.OrgUnit view(OrgUnitMappingRow r) {
        return new Dhis2MappingList.OrgUnit(r.orgUnit(), r.agencyCode(), r.version(), r.updatedBy(), r.updatedAt());
    }

    /**
     * The mappings at one moment: UIDs to codes for an import, codes to UIDs for an export. Lookups are
     * byte for byte; a code that is no mapped UID is left to the caller (an import still accepts codes).
     */
    public static final class Resolver {

        private final Map<String, Map<String, String>> indicatorByElement = new HashMap<>();
        private final Map<String, String> agencyByOrgUnit = new HashMap<>();
        private final Map<String, DataElementMappingRow> elementByIndicator = new HashMap<>();
        private final Map<String, String> orgUnitByAgency = new HashMap<>();

        Resolver(List<DataElementMappingRow> elements, List<OrgUnitMappingRow> orgUnits) {
            for (DataElementMappingRow r : elements) {
                indicatorByElement.computeIfAbsent(r.dataElement(), k -> new TreeMap<>()).put(r.categoryOptionCombo(), r.indicatorCode());
                elementByIndicator.put(r.indicatorCode(), r);
            }
            for (OrgUnitMappingRow r : orgUnits) {
                agencyByOrgUnit.put(r.orgUnit(), r.agencyCode());
                orgUnitByAgency.put(r.agencyCode(), r.orgUnit());
            }
        }

        /** Whether any combo of this data element is mapped. */
        public boolean isMappedDataElement(String dataElement) {
            return dataElement != null && indicatorByElement.containsKey(dataElement);
        }

        /** The indicator of a mapped data element and combo (the combo's own mapping, else the element's for every combo), or null. */
        public @Nullable String indicator(String dataElement, @Nullable String combo) {
            Map<String, String> combos = indicatorByElement.get(dataElement);
            if (combos == null) {
                return null;
            }
            String own = combo == null ? null : combos.get(combo);
            return own != null ? own : combos.get(EVERY_COMBO);
        }

        /** The combos this data element is mapped for (for an error message). */
        public List<String> combosOf(String dataElement) {
            return indicatorByElement.getOrDefault(dataElement, Map.of()).keySet().stream()
                    .map(c -> c.isEmpty() ? "(every combo)" : c).toList();
        }

        public @Nullable String agency(String orgUnit) {
            return orgUnit == null ? null : agencyByOrgUnit.get(orgUnit);
        }

        /** The data element an indicator is exported as: its mapped UID, else its code. */
        public String dataElementOf(String indicator) {
            DataElementMappingRow r = elementByIndicator.get(indicator);
            return r == null ? indicator : r.dataElement();
        }

        /** The category option combo an indicator is exported with, or null. */
        public @Nullable String comboOf(String indicator) {
            DataElementMappingRow r = elementByIndicator.get(indicator);
            return r == null || r.categoryOptionCombo().isEmpty() ? null : r.categoryOptionCombo();
        }

        /** The org unit an agency is exported as: its mapped UID, else its code. */
        public String orgUnitOf(String agency) {
            return orgUnitByAgency.getOrDefault(agency, agency);
        }
    }
}
