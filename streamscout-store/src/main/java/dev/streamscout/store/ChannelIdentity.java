package dev.streamscout.store;

import java.util.Objects;

/**
 * A channel the store knows, as the API names it.
 *
 * @param channelId broadcaster's user id
 * @param login     broadcaster's login, null when only the id was ever stored
 */
public record ChannelIdentity(String channelId, String login) {

    public ChannelIdentity {
        Objects.requireNonNull(channelId, "channelId");
    }
}
