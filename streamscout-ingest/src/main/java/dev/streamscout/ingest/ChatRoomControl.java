package dev.streamscout.ingest;

import java.util.Set;

/**
 * Joining and leaving chat rooms, as the stream monitor needs it. Implemented over the IRC client;
 * small so that the monitor does not depend on how chat is connected.
 */
public interface ChatRoomControl {

    /** Starts reading the chat of {@code login}; returns without waiting for the server. */
    void join(String login);

    /** Stops reading the chat of {@code login}. */
    void part(String login);

    /** Logins of the rooms currently joined or being joined (lower case, no {@code #}). */
    Set<String> joinedChannels();
}
