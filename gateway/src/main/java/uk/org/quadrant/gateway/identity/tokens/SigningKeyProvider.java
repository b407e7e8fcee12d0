package uk.org.quadrant.gateway.identity.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The gateway's RSA signing key, the only key that can mint Quadrant tokens. Taken from
 * {@code QUADRANT_AUTH_SIGNING_KEY} (a JWK, e.g. from a Kubernetes Secret), else from
 * {@code QUADRANT_AUTH_SIGNING_KEY_FILE}; in the embedded mode generated once into the data
 * directory (owner-only permissions) so tokens survive a restart.
 */
@Singleton
public class SigningKeyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyProvider.class);

    private final RSAKey key;

    SigningKeyProvider(AuthConfiguration config, @Value("${quadrant.data-dir}") String dataDir) {
        this.key = load(config, Path.of(dataDir));
    }

    public RSAKey privateKey() {
        return key;
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /**
     * A key for one purpose ({@code label}, e.g. {@code "quadrant/csrf-token/v1"}) derived from this
     * signing key: the CSRF tokens, signed links and sealed secrets each take their own label.
     */
    public DerivedKey derivedKey(String label) {
        return new DerivedKey(key.getPrivateExponent().decode(), label);
    }

    private static RSAKey load(AuthConfiguration config, Path dataDir) {
        try {
            if (config.signingKey() != null && !config.signingKey().isBlank()) {
                return parse(config.signingKey(), "quadrant.auth.signing-key");
            }
            if (config.signingKeyFile() != null && !config.signingKeyFile().isBlank()) {
                return parse(Files.readString(Path.of(config.signingKeyFile())), config.signingKeyFile());
            }
            if (!config.generateSigningKey()) {
                throw new ConfigurationException("No token signing key: set QUADRANT_AUTH_SIGNING_KEY (an RSA JWK) or "
                        + "QUADRANT_AUTH_SIGNING_KEY_FILE. See docs/operations.md.");
            }
            Path file = dataDir.resolve("gateway-signing-key.jwk.json");
            if (Files.exists(file)) {
                return parse(Files.readString(file), file.toString());
            }
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(dataDir);
            Files.writeString(file, generated.toJSONString(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own permissions apply
            }
            LOG.info("Generated a token signing key at {}", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey parse(String json, String source) {
        try {
            JWK jwk = JWK.parse(json);
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.getKeyID() == null) {
                throw new ConfigurationException("The signing key in " + source + " must be an RSA private JWK with a kid");
            }
            return rsa;
        } catch (ParseException e) {
            throw new ConfigurationException("The signing key in " + source + " is not a JWK: " + e.getMessage());
        }
    }
}
