package dev.streamscout.twitch.helix;

/**
 * Create Clip's 202 answer. The clip is not published yet: poll
 * {@link HelixClient#getClip(String)} until it appears.
 *
 * @param id      clip id (also the slug in {@code https://clips.twitch.tv/<id>})
 * @param editUrl URL where the broadcaster can trim the clip, valid for up to 24 hours
 */
public record CreatedClip(String id, String editUrl) {}
