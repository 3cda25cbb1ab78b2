package dev.streamscout.api.channels;

import dev.streamscout.api.params.QueryParameters;
import dev.streamscout.store.ChannelIdentity;
import dev.streamscout.store.ChannelQueries;
import io.javalin.http.NotFoundResponse;
import java.util.Objects;

/** Turns the {@code {id}} of a channel path (a channel id or a login, any letter case) into a known channel, or 404. */
public final class ChannelResolver {

    /** Longer than any Twitch id or login (and than the store's columns): unknown without asking the database. */
    static final int MAX_ID_LENGTH = 64;

    private final ChannelQueries channels;

    public ChannelResolver(ChannelQueries channels) {
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    /** @throws NotFoundResponse (404 problem) when no channel has this id or login */
    public ChannelIdentity resolve(String idOrLogin) {
        String id = idOrLogin == null ? "" : idOrLogin.strip();
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw unknown(id);
        }
        return channels.resolve(id).orElseThrow(() -> unknown(id));
    }

    private static NotFoundResponse unknown(String id) {
        return new NotFoundResponse("No channel with the id or login '" + QueryParameters.echo(id)
                + "' is known (it was never watched and has no chat summaries or moments).");
    }
}
