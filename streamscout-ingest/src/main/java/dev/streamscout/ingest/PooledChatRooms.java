package dev.streamscout.ingest;

import dev.streamscout.twitch.irc.IrcConnectionPool;
import java.util.Objects;
import java.util.Set;

/** {@link ChatRoomControl} over the Twitch chat connection pool. */
public final class PooledChatRooms implements ChatRoomControl {

    private final IrcConnectionPool pool;

    public PooledChatRooms(IrcConnectionPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public void join(String login) {
        pool.join(login);
    }

    @Override
    public void part(String login) {
        pool.part(login);
    }

    @Override
    public Set<String> joinedChannels() {
        return pool.joinedChannels();
    }
}
