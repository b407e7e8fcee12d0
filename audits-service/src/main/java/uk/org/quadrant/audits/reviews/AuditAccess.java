package uk.org.quadrant.audits.reviews;

import uk.org.quadrant.common.access.Caller;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Who sees and changes which audit. The board sees every audit; an agency sees the audits it leads
 * or takes part in (a single-agency audit or self-assessment is its lead agency's alone). The board
 * manager manages every audit; the lead agency's users manage their own (but for who takes part in it:
 * {@code AuditService#checkParticipantsChange}); participants add their cases and findings. The chair
 * writes nothing here.
 */
public final class AuditAccess {

    private AuditAccess() {
    }

    public static boolean visible(Caller caller, Audit audit) {
        return caller.isBoard() || audit.involves(caller.agency());
    }

    /**
     * {@link AuditRepository#VISIBLE} (this rule in SQL, on the audit aliased {@code a}) with positional
     * parameters, for plain JDBC; bind them with {@link #bindVisible}.
     */
    public static final String VISIBLE_JDBC = AuditRepository.VISIBLE.replace(":board", "?").replace(":agency", "?");

    /** Binds {@link #VISIBLE_JDBC}'s four parameters from {@code index} on; returns the next free index. */
    public static int bindVisible(PreparedStatement st, int index, Caller caller) throws SQLException {
        st.setBoolean(index, caller.isBoard());
        st.setString(index + 1, caller.agency());
        st.setString(index + 2, caller.agency());
        st.setString(index + 3, caller.agency());
        return index + 4;
    }

    public static boolean mayManage(Caller caller, Audit audit) {
        return caller.isManager() || (caller.mayWriteFor(audit.leadAgency()));
    }

    public static boolean mayContribute(Caller caller, Audit audit, String agency) {
        return caller.isManager() || (audit.involves(agency) && caller.mayWriteFor(agency));
    }
}
