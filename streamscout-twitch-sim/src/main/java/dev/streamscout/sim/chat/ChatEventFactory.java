package dev.streamscout.sim.chat;

import dev.streamscout.core.chat.ChatEventType;
import dev.streamscout.sim.world.ChannelState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Makes the rarer things chat carries, with Twitch's real tag sets: subs, resubs, gifted subs,
 * gift bombs (a {@code submysterygift} followed by one {@code subgift} per recipient, all sharing
 * an origin id), raids, announcements and cheers (PRIVMSGs with {@code bits}).
 */
final class ChatEventFactory {

    /** A raid just announced: the generator follows it with a burst of chat from the raiders. */
    record Raid(String raiderChannelId, String raiderLogin, int viewers) {}

    /** The lines of one event, in order, and the raid it started, if any. */
    record Result(List<ChatLine> lines, Raid raid) {}

    private static final String[] CHEERMOTES = {"Cheer", "Cheer", "Cheer", "BibleThump", "cheerwhal", "Corgo",
            "uni", "ShowLove", "Party", "SeemsGood", "Pride", "Kappa", "FrankerZ", "HeyGuys", "Kreygasm", "SwiftRage"};
    private static final int[] BITS = {1, 1, 5, 10, 50, 100, 100, 100, 200, 250, 500, 1000, 1000, 5000, 10000};
    private static final int[] GIFT_BOMBS = {1, 5, 5, 5, 10, 10, 20, 50, 100};
    private static final String[] ANNOUNCEMENT_COLORS = {"PRIMARY", "PRIMARY", "BLUE", "GREEN", "ORANGE", "PURPLE"};
    private static final Chatter ANONYMOUS_GIFTER = new Chatter("274598607", "ananonymousgifter", "AnAnonymousGifter",
            "", "", "", false, false, false, false, false);

    private final ChatTextFactory texts;
    private final EmoteCatalog catalog;

    ChatEventFactory(ChatTextFactory texts, EmoteCatalog catalog) {
        this.texts = texts;
        this.catalog = catalog;
    }

    /** One event for the channel; {@code raiders} are the channels a raid may come from. */
    Result next(Random random, ChannelState channel, ChatterPool pool, List<ChannelState> raiders,
                Supplier<String> ids, long now) {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return single(cheer(random, channel, pool.pick(random), ids.get(), now));
        }
        if (roll < 47) {
            return single(sub(random, channel, pool.pick(random), ids.get(), now));
        }
        if (roll < 72) {
            return single(resub(random, channel, pool.pick(random), ids.get(), now));
        }
        if (roll < 82) {
            return single(giftOne(random, channel, gifter(random, pool), pool.pick(random), ids.get(), now,
                    null, Integer.toString(1 + random.nextInt(40))));
        }
        if (roll < 87) {
            return new Result(giftBomb(random, channel, pool, ids, now), null);
        }
        if (roll < 91 && raiders.size() > 1) {
            return raid(random, channel, raiders, ids.get(), now);
        }
        return single(announcement(random, channel, pool, ids.get(), now));
    }

    private static Result single(ChatLine line) {
        return new Result(List.of(line), null);
    }

    private ChatLine cheer(Random random, ChannelState channel, Chatter chatter, String id, long now) {
        int bits = BITS[random.nextInt(BITS.length)];
        String cheermote = CHEERMOTES[random.nextInt(CHEERMOTES.length)] + bits;
        ChatText rest = texts.normal(random, channel.login(), channel.login(), null);
        String text = random.nextInt(4) == 0 ? rest.text() + " " + cheermote : cheermote + " " + rest.text();
        ChatText cheerText = ChatText.of(text, false, channel.login(), catalog);
        Chatter cheerer = withBadge(chatter, "bits/" + bitsBadge(bits));
        return PrivmsgFormatter.format(channel.id(), channel.login(), cheerer, cheerText, id, now, false, null, null,
                bits);
    }

    private ChatLine sub(Random random, ChannelState channel, Chatter chatter, String id, long now) {
        boolean prime = random.nextInt(3) == 0;
        String plan = prime ? "Prime" : tier(random);
        Map<String, String> params = subParams(channel, plan, 1, 0);
        params.put("multimonth-duration", "1");
        params.put("multimonth-tenure", "0");
        params.put("was-gifted", "false");
        String system = prime
                ? chatter.displayName() + " subscribed with Prime."
                : chatter.displayName() + " subscribed at Tier " + tierNumber(plan) + ".";
        return UsernoticeFormatter.format(new UsernoticeFormatter.Notice(channel.id(), channel.login(),
                asSubscriber(chatter, 0), "sub", ChatEventType.SUB, params, system, null, 1, id, now));
    }

    private ChatLine resub(Random random, ChannelState channel, Chatter chatter, String id, long now) {
        int months = 2 + random.nextInt(60);
        int streak = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(months);
        String plan = random.nextInt(4) == 0 ? "Prime" : tier(random);
        Map<String, String> params = subParams(channel, plan, months, streak);
        String how = plan.equals("Prime") ? "with Prime" : "at Tier " + tierNumber(plan);
        String system = chatter.displayName() + " subscribed " + how + ". They've subscribed for " + months + " months"
                + (streak > 0 ? ", currently on a " + streak + " month streak!" : "!");
        ChatText text = random.nextInt(3) == 0 ? null : plainText(random, channel);
        return UsernoticeFormatter.format(new UsernoticeFormatter.Notice(channel.id(), channel.login(),
                asSubscriber(chatter, months), "resub", ChatEventType.RESUB, params, system, text, months, id, now));
    }

    private ChatLine giftOne(Random random, ChannelState channel, Chatter gifter, Chatter recipient, String id, long now,
                             String originId, String senderCount) {
        Map<String, String> params = new LinkedHashMap<>();
        String plan = tier(random);
        params.put("gift-months", "1");
        params.put("months", Integer.toString(1 + random.nextInt(24)));
        params.put("origin-id", originId == null ? originId(random) : originId);
        params.put("recipient-display-name", recipient.displayName());
        params.put("recipient-id", recipient.userId());
        params.put("recipient-user-name", recipient.login());
        if (gifter != ANONYMOUS_GIFTER) {
            params.put("sender-count", senderCount);
        }
        params.put("sub-plan", plan);
        params.put("sub-plan-name", planName(channel));
        String system = gifter == ANONYMOUS_GIFTER
                ? "An anonymous user gifted a Tier " + tierNumber(plan) + " sub to " + recipient.displayName() + "! "
                : gifter.displayName() + " gifted a Tier " + tierNumber(plan) + " sub to " + recipient.displayName() + "!"
                        + (senderCount.equals("0") ? "" : " They have given " + senderCount + " Gift Subs in the channel!");
        return UsernoticeFormatter.format(new UsernoticeFormatter.Notice(channel.id(), channel.login(), gifter,
                "subgift", ChatEventType.SUBGIFT, params, system, null, 1, id, now));
    }

    /** A {@code submysterygift} announcing N gifts, then the N {@code subgift} lines themselves. */
    private List<ChatLine> giftBomb(Random random, ChannelState channel, ChatterPool pool, Supplier<String> ids,
                                    long now) {
        Chatter gifter = gifter(random, pool);
        int count = GIFT_BOMBS[random.nextInt(GIFT_BOMBS.length)];
        int total = count + random.nextInt(200);
        String originId = originId(random);
        String plan = tier(random);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("mass-gift-count", Integer.toString(count));
        params.put("origin-id", originId);
        if (gifter != ANONYMOUS_GIFTER) {
            params.put("sender-count", Integer.toString(total));
        }
        params.put("sub-plan", plan);
        String system = gifter == ANONYMOUS_GIFTER
                ? "An anonymous user is gifting " + count + " Tier " + tierNumber(plan) + " Subs to "
                        + channel.displayName() + "'s community!"
                : gifter.displayName() + " is gifting " + count + " Tier " + tierNumber(plan) + " Subs to "
                        + channel.displayName() + "'s community! They've gifted a total of " + total + " in the channel!";
        List<ChatLine> lines = new ArrayList<>(count + 1);
        lines.add(UsernoticeFormatter.format(new UsernoticeFormatter.Notice(channel.id(), channel.login(), gifter,
                "submysterygift", ChatEventType.SUBMYSTERYGIFT, params, system, null, count, ids.get(), now)));
        for (int i = 0; i < count; i++) {
            lines.add(giftOne(random, channel, gifter, pool.pick(random), ids.get(), now, originId, "0"));
        }
        return lines;
    }

    private Result raid(Random random, ChannelState channel, List<ChannelState> raiders, String id, long now) {
        ChannelState from;
        do {
            from = raiders.get(random.nextInt(raiders.size()));
        } while (from.id().equals(channel.id()));
        int viewers = Math.max(2, (int) (Math.max(from.viewers(), 20) * (0.05 + 0.25 * random.nextDouble())));
        Chatter raider = new Chatter(from.id(), from.login(), from.displayName(), "#9146FF", "", "partner/1",
                false, false, false, false, false);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("displayName", from.displayName());
        params.put("login", from.login());
        params.put("profileImageURL", "https://static-cdn.jtvnw.net/jtv_user_pictures/" + from.login()
                + "-profile_image-70x70.png");
        params.put("viewerCount", Integer.toString(viewers));
        String system = viewers + " raiders from " + from.displayName() + " have joined!";
        ChatLine line = UsernoticeFormatter.format(new UsernoticeFormatter.Notice(channel.id(), channel.login(), raider,
                "raid", ChatEventType.RAID, params, system, null, viewers, id, now));
        return new Result(List.of(line), new Raid(from.id(), from.login(), viewers));
    }

    private ChatLine announcement(Random random, ChannelState channel, ChatterPool pool, String id, long now) {
        Chatter author = random.nextBoolean()
                ? new Chatter(channel.id(), channel.login(), channel.displayName(), "#9146FF", "", "broadcaster/1",
                        false, false, false, false, false)
                : withBadge(pool.pick(random), "moderator/1");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("color", ANNOUNCEMENT_COLORS[random.nextInt(ANNOUNCEMENT_COLORS.length)]);
        ChatText text = plainText(random, channel);
        return UsernoticeFormatter.format(new UsernoticeFormatter.Notice(channel.id(), channel.login(), author,
                "announcement", ChatEventType.ANNOUNCEMENT, params, "", text, 0, id, now));
    }

    /**
     * A raider's message right after the raid: the raid call, emotes, greetings. The first one is
     * always the call ({@code <RAIDER> RAID}), the first thing raiders type.
     */
    ChatText raidMessage(Random random, ChannelState channel, Raid raid, boolean first) {
        String call = raid.raiderLogin().toUpperCase(Locale.ROOT) + " RAID";
        String text = switch (first ? random.nextInt(2) : random.nextInt(5)) {
            case 0 -> call;
            case 1 -> call + " TwitchUnity TwitchUnity";
            case 2 -> "hello from " + raid.raiderLogin() + "'s stream HeyGuys";
            case 3 -> call + " " + raid.raiderLogin() + " sent us PogChamp";
            default -> texts.normal(random, channel.login(), channel.login(), null).text();
        };
        return ChatText.of(text, false, channel.login(), catalog);
    }

    private ChatText plainText(Random random, ChannelState channel) {
        return ChatText.of(texts.normal(random, channel.login(), channel.login(), null).text(), false, channel.login(),
                catalog);
    }

    private static Chatter gifter(Random random, ChatterPool pool) {
        return random.nextInt(10) == 0 ? ANONYMOUS_GIFTER : withBadge(pool.pick(random), "sub-gifter/5");
    }

    private static Chatter withBadge(Chatter chatter, String badge) {
        String badges = chatter.badges().isEmpty() ? badge : chatter.badges() + "," + badge;
        return new Chatter(chatter.userId(), chatter.login(), chatter.displayName(), chatter.color(),
                chatter.badgeInfo(), badges, chatter.mod() || badge.startsWith("moderator"), chatter.subscriber(),
                chatter.turbo(), chatter.newcomer(), chatter.returning());
    }

    private static Chatter asSubscriber(Chatter chatter, int months) {
        String badges = chatter.badges().replaceAll("(^|,)subscriber/[0-9]+", "");
        badges = badges.startsWith(",") ? badges.substring(1) : badges;
        String sub = "subscriber/" + (months >= 12 ? 12 : months >= 6 ? 6 : months >= 3 ? 3 : 0);
        return new Chatter(chatter.userId(), chatter.login(), chatter.displayName(), chatter.color(),
                "subscriber/" + months, badges.isEmpty() ? sub : sub + "," + badges, chatter.mod(), true,
                chatter.turbo(), chatter.newcomer(), chatter.returning());
    }

    private static Map<String, String> subParams(ChannelState channel, String plan, int months, int streak) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("cumulative-months", Integer.toString(months));
        params.put("months", "0");
        params.put("should-share-streak", streak > 0 ? "1" : "0");
        if (streak > 0) {
            params.put("streak-months", Integer.toString(streak));
        }
        params.put("sub-plan", plan);
        params.put("sub-plan-name", planName(channel));
        return params;
    }

    private static String planName(ChannelState channel) {
        return "Channel Subscription (" + channel.login() + ")";
    }

    private static String tier(Random random) {
        int roll = random.nextInt(20);
        return roll < 17 ? "1000" : roll < 19 ? "2000" : "3000";
    }

    private static String tierNumber(String plan) {
        return switch (plan) {
            case "2000" -> "2";
            case "3000" -> "3";
            default -> "1";
        };
    }

    private static int bitsBadge(int bits) {
        int badge = 1;
        for (int threshold : new int[] {100, 1000, 5000, 10000}) {
            if (bits >= threshold) {
                badge = threshold;
            }
        }
        return badge;
    }

    /** Twitch's origin ids are 20 bytes written as spaced hex pairs. */
    private static String originId(Random random) {
        StringBuilder id = new StringBuilder(59);
        for (int i = 0; i < 20; i++) {
            if (i > 0) {
                id.append(' ');
            }
            id.append(Character.forDigit(random.nextInt(16), 16)).append(Character.forDigit(random.nextInt(16), 16));
        }
        return id.toString();
    }
}
