package dev.streamscout.sim.chat;

import java.util.Set;

/** Where generated chat goes: the generator only writes for channels someone is listening to. */
public interface ChatSink {

    /** Logins of channels at least one connection has joined. */
    Set<String> joinedChannels();

    void publish(ChatLine line);
}
