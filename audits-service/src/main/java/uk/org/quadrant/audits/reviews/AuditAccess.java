package uk.org.quadrant.audits.reviews;

import uk.org.quadrant.audits.access.Caller;

/**
 * Who sees and changes which audit. The board sees every audit; an agency sees the audits it leads
 * or takes part in (a single-agency audit or self-assessment is its lead agency's alone). The board
 * manager manages every audit; the lead agency's users manage their own; participants add their
 * cases and findings. The chair writes nothing here.
 */
public final class AuditAccess {

    private AuditAccess() {
    }

    public static boolean visible(Caller caller, Audit audit) {
        return caller.isBoard() || audit.involves(caller.agency());
    }

    public static boolean mayManage(Caller caller, Audit audit) {
        return caller.isManager() || (caller.mayWriteFor(audit.leadAgency()));
    }

    public static boolean mayContribute(Caller caller, Audit audit, String agency) {
        return caller.isManager() || (audit.involves(agency) && caller.mayWriteFor(agency));
    }
}
