package uk.org.quadrant.audits;

import io.micronaut.runtime.Micronaut;

/** audits-service: the quantitative quadrant (multi-agency performance dataset). */
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
