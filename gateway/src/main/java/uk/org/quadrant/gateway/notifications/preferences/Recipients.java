package uk.org.quadrant.gateway.notifications.preferences;

import java.util.List;

/** Who reminders can go to: every enabled account with an e-mail address, with their choices. */
public interface Recipients {

    List<Recipient> all();
}
