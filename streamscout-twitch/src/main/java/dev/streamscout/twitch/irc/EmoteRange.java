package dev.streamscout.twitch.irc;

/**
 * One occurrence of an emote in a chat message.
 *
 * @param id    Twitch emote id (a string: {@code 25}, {@code 300196486_TK}, {@code emotesv2_...})
 * @param start zero-based index of the first Unicode code point
 * @param end   index of the last code point, inclusive (as in the {@code emotes} tag)
 * @param name  the text covered, i.e. code points {@code start..end} of the message
 */
public record EmoteRange(String id, int start, int end, String name) {}
