package dev.streamscout.api.live;

import dev.streamscout.store.ChannelIdentity;
import java.util.Optional;

/** Finds a channel by its id or its login (any letter case), for the live endpoints' 404. */
@FunctionalInterface
public interface ChannelLookup {

    /** A lookup that knows no channel (the live hub's own memory still applies). */
    ChannelLookup NONE = idOrLogin -> Optional.empty();

    Optional<ChannelIdentity> find(String idOrLogin);
}
