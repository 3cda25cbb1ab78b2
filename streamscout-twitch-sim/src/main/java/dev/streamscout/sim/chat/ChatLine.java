package dev.streamscout.sim.chat;

import dev.streamscout.core.chat.ChatMessage;

/**
 * One generated chat message, ready for the wire in both shapes a connection may need, plus the
 * ground truth in the core model.
 *
 * @param channelLogin channel the message belongs to
 * @param tagged       the full PRIVMSG line with IRCv3 tags (for connections with twitch.tv/tags)
 * @param plain        the same line without tags
 * @param truth        what a correct parser should make of {@code tagged}
 */
public record ChatLine(String channelLogin, String tagged, String plain, ChatMessage truth) {}
