package dev.streamscout.twitch.helix;

import java.time.Instant;

/**
 * A Twitch account as Get Users returns it.
 *
 * @param id              user id (the broadcaster id for Create Clip and Get Streams)
 * @param login           login name, lower case
 * @param displayName     display name
 * @param type            {@code admin}, {@code global_mod}, {@code staff} or empty
 * @param broadcasterType {@code partner}, {@code affiliate} or empty
 * @param description     channel description, may be empty
 * @param profileImageUrl profile picture URL, may be empty
 * @param offlineImageUrl offline banner URL, may be empty
 * @param createdAt       when the account was created, or {@code null} if not given
 */
public record HelixUser(
        String id,
        String login,
        String displayName,
        String type,
        String broadcasterType,
        String description,
        String profileImageUrl,
        String offlineImageUrl,
        Instant createdAt) {}
