package dev.streamscout.twitch.irc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which channels the pool is asked to be in, which Twitch reported suspended, and how they are
 * spread over connection slots: each slot holds at most {@code channelsPerConnection}, slots fill in
 * order, and an emptied slot is dropped (except the last, which keeps checking the login). Not
 * thread-safe: the pool calls it holding its lock.
 */
final class ChannelSlots {

    private static final Pattern CHANNEL_LOGIN = Pattern.compile("[a-z0-9_]{1,25}");

    /** The connections a removed channel is to be parted on, and emptied extra connections to close. */
    record Removal(List<IrcConnection> partOn, List<IrcConnection> toClose) {
        static final Removal NONE = new Removal(List.of(), List.of());
    }

    private final int channelsPerConnection;
    private final Set<String> desired = new LinkedHashSet<>();
    private final Set<String> suspended = new LinkedHashSet<>();
    private final List<ConnectionSlot> slots = new ArrayList<>();
    private int nextSlotId;

    ChannelSlots(int channelsPerConnection) {
        this.channelsPerConnection = channelsPerConnection;
        slots.add(new ConnectionSlot(nextSlotId++)); // one connection even without channels: it checks the login early
    }

    boolean isSuspended(String channel) {
        return suspended.contains(channel);
    }

    boolean isWanted(String channel) {
        return desired.contains(channel);
    }

    /**
     * Wants the channel, in the first slot with room (a new slot when all are full); its logged-in
     * connections queue the JOIN. False when the channel was already wanted.
     */
    boolean add(String channel) {
        if (!desired.add(channel)) {
            return false;
        }
        ConnectionSlot slot = slotWithRoom();
        slot.channels.add(channel);
        for (IrcConnection c : slot.connections()) {
            if (c.registered()) {
                c.pendingJoins.add(channel);
            }
        }
        return true;
    }

    /** Stops wanting the channel (and forgets that it was suspended). */
    Removal remove(String channel) {
        suspended.remove(channel);
        if (!desired.remove(channel)) {
            return Removal.NONE;
        }
        List<IrcConnection> partOn = new ArrayList<>();
        List<IrcConnection> toClose = new ArrayList<>();
        for (ConnectionSlot slot : slots) {
            if (!slot.channels.remove(channel)) {
                continue;
            }
            // Keep one connection for the pool; an emptied extra one is just closed (no PART needed).
            boolean closeSlot = slot.channels.isEmpty() && slots.size() > 1;
            for (IrcConnection c : slot.connections()) {
                c.pendingJoins.remove(channel);
                c.confirmed.remove(channel);
                if (c.joinSent.remove(channel) != null && !closeSlot) {
                    partOn.add(c);
                }
            }
            if (closeSlot) {
                slots.remove(slot);
                toClose.addAll(slot.connections());
            }
            break;
        }
        return new Removal(partOn, toClose);
    }

    /** Twitch reported the channel suspended: it is dropped everywhere and not joined again. */
    void suspend(String channel) {
        suspended.add(channel);
        desired.remove(channel);
        for (ConnectionSlot slot : slots) {
            if (slot.channels.remove(channel)) {
                for (IrcConnection other : slot.connections()) {
                    other.pendingJoins.remove(channel);
                    other.joinSent.remove(channel);
                    other.confirmed.remove(channel);
                }
            }
        }
    }

    /** The slots, in the order they were created (a copy: parting may drop a slot meanwhile). */
    List<ConnectionSlot> slots() {
        return List.copyOf(slots);
    }

    /** The slot the connection serves (as active or replacement), or null for a retired connection. */
    ConnectionSlot slotOf(IrcConnection c) {
        for (ConnectionSlot slot : slots) {
            if (slot.active == c || slot.replacement == c) {
                return slot;
            }
        }
        return null;
    }

    List<IrcConnection> allConnections() {
        List<IrcConnection> all = new ArrayList<>();
        for (ConnectionSlot slot : slots) {
            all.addAll(slot.connections());
        }
        return all;
    }

    Set<String> wanted() {
        return Set.copyOf(desired);
    }

    Set<String> suspendedChannels() {
        return Set.copyOf(suspended);
    }

    /** Channels confirmed on the connections now serving them. */
    Set<String> confirmed() {
        Set<String> confirmed = new LinkedHashSet<>();
        for (ConnectionSlot slot : slots) {
            if (slot.active != null) {
                confirmed.addAll(slot.active.confirmed);
            }
            if (slot.replacement != null) {
                confirmed.addAll(slot.replacement.confirmed);
            }
        }
        return Set.copyOf(confirmed);
    }

    /** Channels per slot, in slot order. */
    List<Set<String>> spread() {
        List<Set<String>> spread = new ArrayList<>();
        for (ConnectionSlot slot : slots) {
            spread.add(Set.copyOf(slot.channels));
        }
        return spread;
    }

    private ConnectionSlot slotWithRoom() {
        for (ConnectionSlot slot : slots) {
            if (slot.channels.size() < channelsPerConnection) {
                return slot;
            }
        }
        ConnectionSlot slot = new ConnectionSlot(nextSlotId++);
        slots.add(slot);
        return slot;
    }

    /** A channel login, with or without {@code #}, lower-cased; rejects what cannot be a Twitch login. */
    static String normalize(String channelLogin) {
        if (channelLogin == null) {
            throw new IllegalArgumentException("channel login must not be null");
        }
        String channel = (channelLogin.startsWith("#") ? channelLogin.substring(1) : channelLogin).toLowerCase(Locale.ROOT);
        if (!CHANNEL_LOGIN.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a Twitch channel login: " + IrcParseException.truncate(channelLogin));
        }
        return channel;
    }
}
