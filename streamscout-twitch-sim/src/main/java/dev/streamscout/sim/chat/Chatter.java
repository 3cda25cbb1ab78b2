package dev.streamscout.sim.chat;

/**
 * One simulated viewer who chats in one channel, with the tag values Twitch would send for them.
 *
 * @param userId      numeric user id
 * @param login       login (lower case)
 * @param displayName display name (login with capitals, occasionally different casing)
 * @param color       {@code #RRGGBB} or empty for users who never picked one
 * @param badgeInfo   {@code badge-info} tag value, e.g. {@code subscriber/14}
 * @param badges      {@code badges} tag value, e.g. {@code moderator/1,subscriber/12}
 * @param mod         whether the user is a moderator in this channel
 * @param subscriber  whether the user is subscribed
 * @param turbo       whether the user has Turbo
 * @param newcomer    whether their first message is flagged {@code first-msg=1}
 * @param returning   whether their messages carry {@code returning-chatter=1}
 */
public record Chatter(
        String userId,
        String login,
        String displayName,
        String color,
        String badgeInfo,
        String badges,
        boolean mod,
        boolean subscriber,
        boolean turbo,
        boolean newcomer,
        boolean returning) {

    /** {@code user-type} tag value: {@code mod} for moderators, else empty. */
    public String userType() {
        return mod ? "mod" : "";
    }
}
