package dev.streamscout.twitch.irc;

import java.util.Map;

/**
 * A snapshot of an {@link IrcConnectionPool}'s counters (totals since start unless said otherwise),
 * for metrics and tests.
 *
 * @param connectionsOpen     connections open now (transport up, logged in or logging in)
 * @param connectionsOpened   transports opened since start
 * @param reconnects          connections opened to replace a lost one or after a RECONNECT
 * @param joinsSent           JOIN commands sent (one per channel; rejoins included)
 * @param partsSent           PART commands sent
 * @param linesReceived       lines read from the server (decoded + parse errors)
 * @param linesDecoded        lines that became an {@link IrcEvent}
 * @param parseErrors         lines that were not valid IRC or not a valid instance of their command
 * @param parseErrorsByReason parse errors by reason
 * @param chatMessages        chat messages handed to the chat callback
 * @param chatEvents          chat events (subs, gifts, raids, bits, ...) handed to the event callback
 * @param duplicatesDropped   PRIVMSG/USERNOTICE lines dropped because their {@code id} was seen recently
 * @param rejectedMessages    PRIVMSG/USERNOTICE lines lacking a field StreamScout needs, by reason
 * @param callbackFailures    exceptions thrown by the callbacks (counted and logged; reading goes on)
 * @param noticesByMsgId      NOTICE lines by {@code msg-id} ({@code none} when absent)
 * @param pongTimeouts        connections dropped because a PONG did not arrive in time
 */
public record IrcPoolStats(
        int connectionsOpen,
        long connectionsOpened,
        long reconnects,
        long joinsSent,
        long partsSent,
        long linesReceived,
        long linesDecoded,
        long parseErrors,
        Map<String, Long> parseErrorsByReason,
        long chatMessages,
        long chatEvents,
        long duplicatesDropped,
        Map<String, Long> rejectedMessages,
        long callbackFailures,
        Map<String, Long> noticesByMsgId,
        long pongTimeouts) {

    public IrcPoolStats {
        parseErrorsByReason = Map.copyOf(parseErrorsByReason);
        rejectedMessages = Map.copyOf(rejectedMessages);
        noticesByMsgId = Map.copyOf(noticesByMsgId);
    }
}
