package dev.streamscout.twitch.irc;

import java.util.List;
import java.util.Map;

/**
 * Uniform access to the fields several {@link IrcEvent} records share (channel, sender, text...),
 * so vector checks can ask "the channel of this event" whatever its command. Null when the record
 * has no such field.
 */
final class EventFields {

    private EventFields() {}

    /** The record class {@link IrcMessageDecoder} must produce for a command. */
    static Class<? extends IrcEvent> recordFor(String command) {
        return switch (command) {
            case "PRIVMSG" -> Privmsg.class;
            case "USERNOTICE" -> IrcEvent.UserNotice.class;
            case "CLEARCHAT" -> IrcEvent.ClearChat.class;
            case "CLEARMSG" -> IrcEvent.ClearMsg.class;
            case "ROOMSTATE" -> IrcEvent.RoomState.class;
            case "USERSTATE" -> IrcEvent.UserState.class;
            case "GLOBALUSERSTATE" -> IrcEvent.GlobalUserState.class;
            case "NOTICE" -> IrcEvent.Notice.class;
            case "PING" -> IrcEvent.Ping.class;
            case "PONG" -> IrcEvent.Pong.class;
            case "RECONNECT" -> IrcEvent.Reconnect.class;
            case "JOIN" -> IrcEvent.Join.class;
            case "PART" -> IrcEvent.Part.class;
            case "353" -> IrcEvent.Names.class;
            case "366" -> IrcEvent.EndOfNames.class;
            case "CAP" -> IrcEvent.Cap.class;
            case "001" -> IrcEvent.Welcome.class;
            case "WHISPER" -> IrcEvent.Whisper.class;
            default -> IrcEvent.Unknown.class;
        };
    }

    static String channel(IrcEvent e) {
        if (e instanceof Privmsg x) return x.channelLogin();
        if (e instanceof IrcEvent.UserNotice x) return x.channelLogin();
        if (e instanceof IrcEvent.ClearChat x) return x.channelLogin();
        if (e instanceof IrcEvent.ClearMsg x) return x.channelLogin();
        if (e instanceof IrcEvent.RoomState x) return x.channelLogin();
        if (e instanceof IrcEvent.UserState x) return x.channelLogin();
        if (e instanceof IrcEvent.Notice x) return x.channelLogin();
        if (e instanceof IrcEvent.Join x) return x.channelLogin();
        if (e instanceof IrcEvent.Part x) return x.channelLogin();
        if (e instanceof IrcEvent.Names x) return x.channelLogin();
        if (e instanceof IrcEvent.EndOfNames x) return x.channelLogin();
        return null;
    }

    static String channelId(IrcEvent e) {
        if (e instanceof Privmsg x) return x.channelId();
        if (e instanceof IrcEvent.UserNotice x) return x.channelId();
        if (e instanceof IrcEvent.ClearChat x) return x.channelId();
        if (e instanceof IrcEvent.ClearMsg x) return x.channelId();
        if (e instanceof IrcEvent.RoomState x) return x.channelId();
        return null;
    }

    static String text(IrcEvent e) {
        if (e instanceof Privmsg x) return x.text();
        if (e instanceof IrcEvent.UserNotice x) return x.text();
        if (e instanceof IrcEvent.ClearMsg x) return x.text();
        if (e instanceof IrcEvent.Notice x) return x.text();
        if (e instanceof IrcEvent.Whisper x) return x.text();
        return null;
    }

    static String userId(IrcEvent e) {
        if (e instanceof Privmsg x) return x.userId();
        if (e instanceof IrcEvent.UserNotice x) return x.userId();
        if (e instanceof IrcEvent.GlobalUserState x) return x.userId();
        if (e instanceof IrcEvent.Whisper x) return x.userId();
        return null;
    }

    static String login(IrcEvent e) {
        if (e instanceof Privmsg x) return x.login();
        if (e instanceof IrcEvent.UserNotice x) return x.login();
        if (e instanceof IrcEvent.ClearMsg x) return x.login();
        if (e instanceof IrcEvent.Join x) return x.login();
        if (e instanceof IrcEvent.Part x) return x.login();
        if (e instanceof IrcEvent.Whisper x) return x.login();
        return null;
    }

    static String displayName(IrcEvent e) {
        if (e instanceof Privmsg x) return x.displayName();
        if (e instanceof IrcEvent.UserNotice x) return x.displayName();
        if (e instanceof IrcEvent.UserState x) return x.displayName();
        if (e instanceof IrcEvent.GlobalUserState x) return x.displayName();
        if (e instanceof IrcEvent.Whisper x) return x.displayName();
        return null;
    }

    static List<EmoteRange> emotes(IrcEvent e) {
        if (e instanceof Privmsg x) return x.emotes();
        if (e instanceof IrcEvent.UserNotice x) return x.emotes();
        if (e instanceof IrcEvent.Whisper x) return x.emotes();
        return List.of();
    }

    static String messageId(IrcEvent e) {
        if (e instanceof Privmsg x) return x.messageId();
        if (e instanceof IrcEvent.UserNotice x) return x.messageId();
        return null;
    }

    static Long sentAt(IrcEvent e) {
        if (e instanceof Privmsg x) return x.sentAtMs();
        if (e instanceof IrcEvent.UserNotice x) return x.sentAtMs();
        if (e instanceof IrcEvent.ClearChat x) return x.sentAtMs();
        if (e instanceof IrcEvent.ClearMsg x) return x.sentAtMs();
        return null;
    }

    static Map<String, String> badges(IrcEvent e) {
        if (e instanceof Privmsg x) return x.badges();
        if (e instanceof IrcEvent.UserNotice x) return x.badges();
        if (e instanceof IrcEvent.UserState x) return x.badges();
        if (e instanceof IrcEvent.GlobalUserState x) return x.badges();
        if (e instanceof IrcEvent.Whisper x) return x.badges();
        return Map.of();
    }

    static String color(IrcEvent e) {
        if (e instanceof Privmsg x) return x.color();
        if (e instanceof IrcEvent.UserNotice x) return x.color();
        if (e instanceof IrcEvent.UserState x) return x.color();
        if (e instanceof IrcEvent.GlobalUserState x) return x.color();
        if (e instanceof IrcEvent.Whisper x) return x.color();
        return null;
    }

    static List<String> emoteSets(IrcEvent e) {
        if (e instanceof IrcEvent.UserState x) return x.emoteSets();
        if (e instanceof IrcEvent.GlobalUserState x) return x.emoteSets();
        return List.of();
    }
}
