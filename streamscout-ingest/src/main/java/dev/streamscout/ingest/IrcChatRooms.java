package dev.streamscout.ingest;

import dev.streamscout.twitch.irc.IrcClient;
import java.util.Objects;
import java.util.Set;

/** {@link ChatRoomControl} over the Twitch IRC client. */
public final class IrcChatRooms implements ChatRoomControl {

    private final IrcClient irc;

    public IrcChatRooms(IrcClient irc) {
        this.irc = Objects.requireNonNull(irc, "irc");
    }

    @Override
    public void join(String login) {
        irc.join(login);
    }

    @Override
    public void part(String login) {
        irc.part(login);
    }

    @Override
    public Set<String> joinedChannels() {
        return Set.copyOf(irc.joinedChannels());
    }
}
