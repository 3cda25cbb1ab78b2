package dev.streamscout.twitch.irc;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses and decodes raw lines and accounts for every one of them: each line is either decoded
 * or rejected (counted by reason, the first of each reason logged at WARN with the line
 * truncated, later ones at DEBUG). Never throws, whatever the input, so a reader loop can hand it
 * anything the network delivers. Thread-safe; one instance may serve many connections.
 */
public final class CountingLineDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(CountingLineDecoder.class);

    private final LongAdder decoded = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final Map<String, LongAdder> rejectedByReason = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** The line's event, or empty when it was rejected (and counted). */
    public Optional<IrcEvent> decode(String line) {
        try {
            IrcEvent event = IrcMessageDecoder.decodeLine(line);
            decoded.increment();
            return Optional.of(event);
        } catch (IrcParseException e) {
            reject(e.reason(), line);
        } catch (RuntimeException e) {
            // A decoder bug must cost one line, not the connection; the fuzz test keeps this at zero.
            reject("decoder failure: " + e.getClass().getSimpleName(), line);
            LOG.error("IRC decoder failed on a line; skipped: {}", IrcParseException.truncate(line), e);
        }
        return Optional.empty();
    }

    private void reject(String reason, String line) {
        rejected.increment();
        rejectedByReason.computeIfAbsent(reason, k -> new LongAdder()).increment();
        if (warned.add(reason)) {
            LOG.warn("Skipping unusable IRC line ({}): {} (further ones are counted, logged at DEBUG)", reason,
                    IrcParseException.truncate(line));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("Skipping unusable IRC line ({}): {}", reason, IrcParseException.truncate(line));
        }
    }

    /** Lines that became an {@link IrcEvent} (including {@link IrcEvent.Unknown}). */
    public long decoded() {
        return decoded.sum();
    }

    /** Lines that were not valid IRC or not a valid instance of their command. */
    public long rejected() {
        return rejected.sum();
    }

    /** Rejected lines by reason (metric-label friendly). */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> copy = new TreeMap<>();
        rejectedByReason.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }
}
