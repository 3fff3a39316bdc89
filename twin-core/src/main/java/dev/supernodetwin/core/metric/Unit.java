package dev.supernodetwin.core.metric;

/** Units carried by metric names (wire format: {@code _c}, {@code _dbm}, ...). */
public enum Unit {
    CELSIUS("°C"), WATT("W"), DBM("dBm"), DB("dB"), MILLIAMP("mA"), MILLIWATT("mW"), LITRE_PER_MIN("L/min"),
    KILOPASCAL("kPa"), PERCENT("%"), PICOMETRE("pm"), VOLT("V"), MEGAHERTZ("MHz"), RPM("rpm"), RATIO(""),
    COUNT(""), FLAG(""), CODE("");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol to print after a value, possibly empty. */
    public String symbol() {
        return symbol;
    }
}
