package uk.org.quadrant.gateway.identity.tokens;

import com.nimbusds.jose.JOSEException;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.interfaces.RSAPublicKey;

/** Lets the gateway validate its own tokens (session cookie, bearer) with the public half of its key. */
@Singleton
@Named("gateway")
class GatewaySignatureConfiguration implements RSASignatureConfiguration {

    private final RSAPublicKey publicKey;

    GatewaySignatureConfiguration(SigningKeyProvider keys) throws JOSEException {
        this.publicKey = keys.publicKey().toRSAPublicKey();
    }

    @Override
    public RSAPublicKey getPublicKey() {
        return publicKey;
    }
}
