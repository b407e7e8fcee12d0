package uk.org.quadrant.actions;

import io.micronaut.runtime.Micronaut;

/** actions-service: the quantitative quadrant (multi-agency performance dataset). */
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }
}
