package uk.org.quadrant.indicators;

import io.micronaut.runtime.Micronaut;

/** indicators-service: the quantitative quadrant (multi-agency performance dataset). */
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
