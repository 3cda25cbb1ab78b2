package dev.streamscout.twitch.auth;

import java.util.Objects;

/**
 * The answer of {@code POST /oauth2/device}: what the user must do, and what the app polls with.
 *
 * @param deviceCode       secret code the app polls {@code /oauth2/token} with
 * @param userCode         code the user enters (or sees prefilled) at {@code verificationUri}
 * @param verificationUri  page the user opens to approve the app
 * @param expiresInSeconds how long the codes stay valid
 * @param intervalSeconds  minimum seconds between two polls
 */
public record DeviceAuthorization(String deviceCode, String userCode, String verificationUri,
        long expiresInSeconds, int intervalSeconds) {

    public DeviceAuthorization {
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(verificationUri, "verificationUri");
    }

    /** The device code is a credential while it is valid: masked. */
    @Override
    public String toString() {
        return "DeviceAuthorization[deviceCode=" + Redact.mask(deviceCode) + ", userCode=" + userCode
                + ", verificationUri=" + verificationUri + ", expiresIn=" + expiresInSeconds + "s, interval="
                + intervalSeconds + "s]";
    }
}
