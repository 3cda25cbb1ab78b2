package dev.streamscout.sim;

import java.time.Instant;

/**
 * One channel of one JOIN command as the simulated chat server received it (a {@code JOIN #a,#b}
 * is two attempts, as Twitch counts them), with what came of it.
 *
 * @param at         when the server read it (monotonic order within one account)
 * @param account    the login that sent it; every anonymous {@code justinfan} login counts as the one
 *                   account {@value #ANONYMOUS}, the strict reading for a pool sharing one limiter
 * @param connection the server's number for the connection
 * @param transport  {@code tcp}, {@code tls}, {@code ws} or {@code wss}
 * @param channel    channel login without {@code #}
 * @param outcome    what the server did
 */
public record JoinAttempt(Instant at, String account, int connection, String transport, String channel,
                          Outcome outcome) {

    /** The account all anonymous connections share. */
    public static final String ANONYMOUS = "justinfan";

    /** What came of a JOIN. */
    public enum Outcome {
        /** Joined: JOIN echo, 353, 366, USERSTATE, ROOMSTATE, then chat. */
        JOINED,
        /** Over the account's JOIN rate limit: dropped without a word, as Twitch does. */
        RATE_LIMITED,
        /** No such channel: Twitch says nothing. */
        UNKNOWN_CHANNEL,
        /** Already joined on this connection: ignored. */
        ALREADY_JOINED,
        /** Suspended channel: NOTICE {@code msg_channel_suspended}. */
        SUSPENDED,
        /** Over the per-account channel limit: NOTICE {@code msg_concurrent_channel_limit_reached}. */
        CHANNEL_LIMIT,
        /** Sent on a connection the server was already closing: ignored. */
        CONNECTION_CLOSING
    }
}
