package fi.tilannekuva.local;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * The development key pair shared by the three services in tests and in the local run, and tokens signed
 * with it. Development only: production verifies tokens against its identity provider's keys.
 */
public final class DevKeys {

    /** The issuer of development tokens; the services' %dev and %test profiles expect it. */
    public static final String ISSUER = "https://tilannekuva.local/dev";

    /** The audience every service expects ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "tilannekuva";

    /** Classpath location of the public key, for {@code mp.jwt.verify.publickey.location}. */
    public static final String PUBLIC_KEY_RESOURCE = "dev-keys/publicKey.pem";

    private static final String PRIVATE_KEY_RESOURCE = "dev-keys/privateKey.pem";

    private DevKeys() {}

    /**
     * A token for a role, valid for an hour.
     *
     * @param role {@code roadmap-admin}, {@code region-reporter}, {@code reader} or {@code partner}
     * @param region the unit code for {@code region-reporter}, the partner's name for {@code partner}, else null
     * @return the signed JWT
     */
    public static String token(String role, String region) {
        return token(role, region, Duration.ofHours(1));
    }

    /** A token for a role with a chosen lifetime (negative for an expired one). */
    public static String token(String role, String region, Duration lifetime) {
        long now = System.currentTimeMillis() / 1000;
        return token(
                role,
                region,
                Instant.ofEpochSecond(now - Math.max(0, -lifetime.toSeconds()) - 60),
                Instant.ofEpochSecond(now + lifetime.toSeconds()),
                AUDIENCE);
    }

    /**
     * A token with every time claim and the audience chosen, for tests of the token rules (a token issued in the
     * future, one valid for ten years, one for another audience).
     */
    public static String token(String role, String region, Instant issuedAt, Instant expiresAt, String audience) {
        var builder = Jwt.issuer(ISSUER)
                .audience(audience)
                .upn(region == null ? role : role + "@" + region)
                .groups(Set.of(role))
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond());
        if (region != null) {
            builder.claim("partner".equals(role) ? "partner" : "region", region);
        }
        return builder.sign(privateKey());
    }

    /** Writes the public key to a file, for services started as processes. */
    public static Path writePublicKey(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, resource(PUBLIC_KEY_RESOURCE));
        return file;
    }

    private static PrivateKey privateKey() {
        String pem = resource(PRIVATE_KEY_RESOURCE)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the development private key is unreadable", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DevKeys.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
