package dev.streamscout.sim.world;

import dev.streamscout.sim.SimChannel;
import java.time.Instant;

/**
 * The mutable state of one synthetic channel. Identity (id, login, display name, language) never
 * changes; viewers drift and the stream may go offline and come back with a new stream id.
 * Updates and snapshots are synchronized so a snapshot never mixes two streams.
 */
public final class ChannelState {

    private final String id;
    private final String login;
    private final String displayName;
    private final String language;
    /** The level the random walk is pulled back to, so that the Zipf shape survives drift. */
    private final double baseLogViewers;

    private double logViewers;
    private boolean live = true;
    private boolean suspended;
    private String streamId;
    private Instant startedAt;
    private String title;
    private WorldNames.Game game;

    ChannelState(String id, String login, String displayName, String language, int viewers,
                 String streamId, Instant startedAt, String title, WorldNames.Game game) {
        this.id = id;
        this.login = login;
        this.displayName = displayName;
        this.language = language;
        this.baseLogViewers = Math.log(Math.max(1, viewers));
        this.logViewers = baseLogViewers;
        this.streamId = streamId;
        this.startedAt = startedAt;
        this.title = title;
        this.game = game;
    }

    public String id() {
        return id;
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public String language() {
        return language;
    }

    public synchronized boolean live() {
        return live;
    }

    /** Suspended channels are offline and answer JOIN with {@code msg_channel_suspended}. */
    public synchronized boolean suspended() {
        return suspended;
    }

    /** Current viewers; 0 while offline. */
    public synchronized int viewers() {
        return live ? (int) Math.round(Math.exp(logViewers)) : 0;
    }

    public synchronized String gameId() {
        return game.id();
    }

    public synchronized String gameName() {
        return game.name();
    }

    public synchronized String title() {
        return title;
    }

    public synchronized Instant startedAt() {
        return startedAt;
    }

    /** Id of the current stream (the last one while offline). */
    public synchronized String streamId() {
        return streamId;
    }

    /**
     * Id of the archive video (VOD) of the current stream, or of the last one while offline. Each
     * stream is recorded as one archive, so the id is derived from the stream id: it changes exactly
     * when the channel goes live again, and stays the same for a seed.
     */
    public synchronized String archiveVideoId() {
        return Long.toString(2_000_000_000L + Math.floorMod(streamId.hashCode() * 2_654_435_761L, 1_000_000_000L));
    }

    public synchronized SimChannel snapshot() {
        return new SimChannel(id, login, displayName, live, streamId, viewers(), startedAt, title,
                game.id(), game.name(), language, archiveVideoId());
    }

    /** One mean-reverting random-walk step in log space. */
    synchronized void drift(double gaussian, double pullBack, double step) {
        logViewers += pullBack * (baseLogViewers - logViewers) + step * gaussian;
    }

    synchronized void setViewers(int viewers) {
        logViewers = Math.log(Math.max(1, viewers));
    }

    synchronized void suspend(boolean value) {
        suspended = value;
        if (value) {
            live = false; // a suspension ends the stream; lifting it does not restart one
        }
    }

    synchronized void goOffline() {
        live = false;
    }

    synchronized void goLive(String newStreamId, Instant now) {
        if (!live && !suspended) {
            live = true;
            streamId = newStreamId;
            startedAt = now;
        }
    }
}
