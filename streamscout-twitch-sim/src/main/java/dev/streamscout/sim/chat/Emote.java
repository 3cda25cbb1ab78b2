package dev.streamscout.sim.chat;

/**
 * A Twitch emote: its id as it appears in the {@code emotes} tag and the word that triggers it.
 * Ids are strings: global emotes have numeric ids, newer ones {@code emotesv2_<hex>}.
 */
public record Emote(String id, String name) {}
