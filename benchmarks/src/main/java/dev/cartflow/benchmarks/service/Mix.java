package dev.cartflow.benchmarks.service;

import java.util.SplittableRandom;

/**
 * The share of each kind of shopper action in the load: priced reads, line changes and checkouts,
 * in whole percent. A draw is one uniform number in {@code [0, 100)} against the cumulative
 * weights, so a seeded random gives the same sequence every run.
 */
final class Mix {
    /** What a shopper does next. */
    enum Action { READ, CHANGE_LINE, CHECKOUT }

    private final int read;
    private final int change;
    private final int checkout;

    Mix(int read, int change, int checkout) {
        if (read < 0 || change < 0 || checkout < 0 || read + change + checkout != 100) {
            throw new IllegalArgumentException("the mix must be three non-negative percentages adding up to 100, got "
                    + read + "," + change + "," + checkout);
        }
        this.read = read;
        this.change = change;
        this.checkout = checkout;
    }

    /** The mix: 70 % priced reads, 25 % line changes, 5 % checkouts. */
    static Mix standard() {
        return new Mix(70, 25, 5);
    }

    /** A mix written as {@code read,change,checkout} percentages, e.g. {@code 70,25,5}. */
    static Mix parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("the mix is read,change,checkout percentages, got " + text);
        }
        return new Mix(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                Integer.parseInt(parts[2].trim()));
    }

    Action next(SplittableRandom random) {
        int draw = random.nextInt(100);
        if (draw < read) {
            return Action.READ;
        }
        return draw < read + change ? Action.CHANGE_LINE : Action.CHECKOUT;
    }

    int percent(Action action) {
        return switch (action) {
            case READ -> read;
            case CHANGE_LINE -> change;
            case CHECKOUT -> checkout;
        };
    }

    @Override
    public String toString() {
        return read + " % reads, " + change + " % line changes, " + checkout + " % checkouts";
    }
}
