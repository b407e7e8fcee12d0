package uk.org.quadrant.gateway;

import io.micronaut.runtime.Micronaut;

/** The gateway: sign-in, token issuer, user directory and the pages people see. */
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
