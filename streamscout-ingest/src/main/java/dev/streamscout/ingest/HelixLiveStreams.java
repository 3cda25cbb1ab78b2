package dev.streamscout.ingest;

import dev.streamscout.core.stream.StreamStatus;
import dev.streamscout.twitch.helix.HelixClient;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** {@link LiveStreams} over Helix Get Streams (global top with cursors, or {@code user_login} filters). */
public final class HelixLiveStreams implements LiveStreams {

    private final HelixClient helix;

    public HelixLiveStreams(HelixClient helix) {
        this.helix = Objects.requireNonNull(helix, "helix");
    }

    @Override
    public List<StreamStatus> topStreams(int limit) {
        return helix.getTopStreams(limit);
    }

    @Override
    public List<StreamStatus> streamsByLogin(Collection<String> logins) {
        return logins.isEmpty() ? List.of() : helix.getStreamsByLogins(logins);
    }
}
