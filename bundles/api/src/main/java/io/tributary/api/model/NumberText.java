package io.tributary.api.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The one rule for numbers that arrive as text from clients (a {@code number} form input given as a string, a
 * query parameter): the text is checked for length and shape <em>before</em> it is parsed, so a hostile value
 * costs microseconds, not seconds ({@code new BigDecimal} of a million digits is quadratic).
 *
 * <p>Accepted: at most {@value #MAX_LENGTH} characters after trimming, an optional sign, digits with an optional
 * fraction, an optional exponent of at most three digits; the value's magnitude below {@code 1e}{@value #MAX_EXPONENT}
 * (about a double's range). Everything else is not a number.
 */
public final class NumberText {
    /** The longest number text accepted, in characters. */
    public static final int MAX_LENGTH = 100;
    /** Numbers from {@code 1e308} up are refused (a double's range). */
    public static final int MAX_EXPONENT = 308;

    private NumberText() {
    }

    /** The number the text denotes, or empty when it is not an acceptable number. Never slow. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > MAX_LENGTH || !shaped(s)) {
            return Optional.empty();
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        // digits left of the point: precision - scale; 1e308 has 309
        if (d.signum() != 0 && d.precision() - d.scale() > MAX_EXPONENT) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /** Whether the text is an acceptable number ({@link #parse} is not empty). */
    public static boolean isNumber(String text) {
        return parse(text).isPresent();
    }

    /** {@code [+-]? digits ([.] digits?)? | [.] digits, then ([eE] [+-]? 1-3 digits)?}, checked in one pass. */
    private static boolean shaped(String s) {
        int i = 0;
        int n = s.length();
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0 || exp > 3) {
                return false;
            }
        }
        return i == n;
    }
}
