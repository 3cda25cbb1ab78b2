package dev.streamscout.sim.chat;

import dev.streamscout.sim.HypeMoment;
import dev.streamscout.sim.SimulatorSettings;
import dev.streamscout.sim.world.ChannelState;
import dev.streamscout.sim.world.HypeSchedule;
import dev.streamscout.sim.world.World;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the chat of every joined channel on one thread. Arrivals are Poisson: in each short
 * tick a channel receives Poisson(rate x tick) messages, its rate being its viewers' share of the
 * total rate, multiplied during a hype moment.
 */
public final class ChatGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatGenerator.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** After a long pause (GC, suspended machine) do not dump a huge backlog at once. */
    private static final double MAX_TICK_SECONDS = 1.0;
    /** How long raiders keep arriving after a raid is announced. */
    private static final int RAID_BURST_SECONDS = 8;

    private final World world;
    private final HypeSchedule hype;
    private final Clock clock;
    private final double totalRate;
    private final long seed;
    private final ChatSink sink;
    private final ChatTextFactory texts;
    private final Random random;
    private final Map<String, ChannelChat> chats = new HashMap<>();
    private final AtomicLong generated = new AtomicLong();
    private final AtomicLong generatedEvents = new AtomicLong();
    private final double eventShare;
    private final ChatEventFactory events;
    private final Thread thread;
    private volatile boolean running;

    /** Per-channel memory: its chatters, who has spoken already, the last message (for replies), a raid under way. */
    private static final class ChannelChat {
        final ChatterPool pool;
        final Set<String> spoken = new HashSet<>();
        ChatLine last;
        Chatter lastChatter;
        ChatEventFactory.Raid raid;
        ChatterPool raiders;
        Instant raidEnds;
        double raidRate;

        ChannelChat(ChatterPool pool) {
            this.pool = pool;
        }
    }

    public ChatGenerator(SimulatorSettings settings, World world, HypeSchedule hype, EmoteCatalog catalog,
                         ChatSink sink) {
        this.world = world;
        this.hype = hype;
        this.clock = settings.clock();
        this.totalRate = settings.totalChatRatePerSecond();
        this.seed = settings.seed();
        this.sink = sink;
        this.texts = new ChatTextFactory(catalog);
        this.eventShare = settings.chatEventShare();
        this.events = new ChatEventFactory(texts, catalog);
        this.random = new Random(settings.seed() * 31 + 19);
        this.thread = new Thread(this::run, "sim-chat-generator");
        this.thread.setDaemon(true);
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** PRIVMSGs generated so far (cheers and raiders' messages included), over all channels. */
    public long generated() {
        return generated.get();
    }

    /** Chat events generated so far: USERNOTICE lines (each gift of a gift bomb counts) and cheers. */
    public long generatedEvents() {
        return generatedEvents.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long last = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(TICK_NANOS);
            if (!running) {
                return;
            }
            long now = System.nanoTime();
            double seconds = Math.min(MAX_TICK_SECONDS, (now - last) / 1e9);
            last = now;
            try {
                tick(seconds);
            } catch (RuntimeException e) {
                // One bad tick must not silence the chat for the rest of the run.
                LOG.warn("chat generation tick failed", e);
            }
        }
    }

    private void tick(double seconds) {
        Set<String> joined = sink.joinedChannels();
        if (joined.isEmpty()) {
            return;
        }
        long totalViewers = world.totalViewers();
        if (totalViewers <= 0) {
            return;
        }
        Instant now = clock.instant();
        List<String> logins = new ArrayList<>(joined);
        logins.sort(null); // a fixed order keeps the random stream reproducible
        for (String login : logins) {
            ChannelState channel = world.byLogin(login).orElse(null);
            if (channel == null || !channel.live()) {
                continue;
            }
            HypeMoment moment = hype.activeAt(channel.login(), now);
            double rate = totalRate * channel.viewers() / totalViewers
                    * (moment == null ? 1.0 : moment.multiplier());
            int count = poisson(rate * seconds);
            for (int i = 0; i < count; i++) {
                if (eventShare > 0 && random.nextDouble() < eventShare) {
                    event(channel, now);
                } else {
                    emit(message(channel, moment, now.toEpochMilli()));
                }
            }
            raidBurst(channel, now, seconds);
        }
    }

    private void emit(ChatLine line) {
        sink.publish(line);
        if (line.truth() != null) {
            generated.incrementAndGet();
        }
        if (line.event() != null) {
            generatedEvents.incrementAndGet();
        }
    }

    private void event(ChannelState channel, Instant now) {
        ChannelChat chat = chat(channel);
        ChatEventFactory.Result result = events.next(random, channel, chat.pool, world.channels(), this::uuid,
                now.toEpochMilli());
        for (ChatLine line : result.lines()) {
            emit(line);
        }
        ChatEventFactory.Raid raid = result.raid();
        if (raid != null) {
            // Raiders arrive over the next few seconds and say hello: a spike with nothing on stream.
            chat.raid = raid;
            chat.raiders = new ChatterPool(seed, raid.raiderChannelId(), raid.viewers() * 15);
            chat.raidEnds = now.plusSeconds(RAID_BURST_SECONDS);
            chat.raidRate = Math.min(60, 5 + raid.viewers() / 10.0) / RAID_BURST_SECONDS;
            raiderMessage(channel, chat, now, true); // the first raider is already typing
        }
    }

    private void raidBurst(ChannelState channel, Instant now, double seconds) {
        ChannelChat chat = chats.get(channel.id());
        if (chat == null || chat.raid == null) {
            return;
        }
        if (!now.isBefore(chat.raidEnds)) {
            chat.raid = null;
            chat.raiders = null;
            return;
        }
        int count = poisson(chat.raidRate * seconds);
        for (int i = 0; i < count; i++) {
            raiderMessage(channel, chat, now, false);
        }
    }

    private void raiderMessage(ChannelState channel, ChannelChat chat, Instant now, boolean first) {
        Chatter raider = chat.raiders.pick(random);
        ChatText text = events.raidMessage(random, channel, chat.raid, first);
        emit(PrivmsgFormatter.format(channel.id(), channel.login(), raider, text, uuid(), now.toEpochMilli(),
                chat.spoken.add(raider.userId()), null, null));
    }

    private ChannelChat chat(ChannelState channel) {
        return chats.computeIfAbsent(channel.id(), id -> new ChannelChat(new ChatterPool(seed, id, channel.viewers())));
    }

    private ChatLine message(ChannelState channel, HypeMoment moment, long sentAt) {
        ChannelChat chat = chat(channel);
        // Who writes and what: see ChatterMix for the measurements behind the shares.
        double passerBy = moment == null ? ChatterMix.ORDINARY_PASSER_BY_SHARE : ChatterMix.HYPE_PASSER_BY_SHARE;
        Chatter chatter = random.nextInt(2_000) == 0 ? broadcaster(channel)
                : random.nextDouble() < passerBy ? chat.pool.passerBy(random) : chat.pool.pick(random);
        PrivmsgFormatter.ReplyParent parent = null;
        ChatText text;
        if (moment != null && random.nextDouble() < ChatterMix.HYPE_TEXT_SHARE) {
            text = texts.hype(random, channel.login(), channel.login(), mood(moment));
        } else {
            if (chat.last != null && chat.lastChatter != chatter && random.nextInt(100) < 3) {
                parent = new PrivmsgFormatter.ReplyParent(chat.last.truth().messageId(),
                        chat.lastChatter.userId(), chat.lastChatter.login(), chat.lastChatter.displayName(),
                        chat.last.truth().message());
            }
            text = texts.normal(random, channel.login(), channel.login(), parent == null ? null : parent.login());
        }
        boolean firstMessage = chat.spoken.add(chatter.userId()) && chatter.newcomer();
        String nonce = random.nextInt(5) == 0 ? hex(32) : null;
        ChatLine line = PrivmsgFormatter.format(channel.id(), channel.login(), chatter, text, uuid(), sentAt,
                firstMessage, parent, nonce);
        chat.last = line;
        chat.lastChatter = chatter;
        return line;
    }

    private static Chatter broadcaster(ChannelState channel) {
        return new Chatter(channel.id(), channel.login(), channel.displayName(), "#9146FF", "",
                "broadcaster/1", false, false, false, false, false);
    }

    private static EmoteCatalog.Mood mood(HypeMoment moment) {
        EmoteCatalog.Mood[] moods = EmoteCatalog.Mood.values();
        long hash = moment.start().toEpochMilli() * 31 + moment.channelLogin().hashCode();
        return moods[Math.floorMod(hash, moods.length)];
    }

    /** Knuth's method for small means, a rounded normal approximation above 30. */
    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    private String hex(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
