package dev.streamscout.ingest;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies a {@link SelectionChange} to the chat rooms: leaves first, so the connections never hold
 * more rooms than the policy allows, then joins. A failed join or part is logged and counted; the
 * next poll's selection asks again.
 */
final class ChatRoomChanges {

    /** Logged under the monitor's name, which is what operators filter on. */
    private static final Logger LOG = LoggerFactory.getLogger(StreamMonitor.class);

    private final ChatRoomControl rooms;
    private final AtomicLong errors = new AtomicLong();

    ChatRoomChanges(ChatRoomControl rooms) {
        this.rooms = rooms;
    }

    void apply(SelectionChange change) {
        for (String login : change.leave()) {
            MDC.put("channel", login);
            try {
                rooms.part(login);
                LOG.info("Left chat of {}", login);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                LOG.warn("Could not leave chat of {}: {}", login, e.toString());
            } finally {
                MDC.remove("channel");
            }
        }
        for (String login : change.join()) {
            MDC.put("channel", login);
            try {
                rooms.join(login);
                LOG.info("Joined chat of {}", login);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                LOG.warn("Could not join chat of {} (will retry next poll): {}", login, e.toString());
            } finally {
                MDC.remove("channel");
            }
        }
    }

    /** Failed joins and parts so far. */
    long errors() {
        return errors.get();
    }
}
