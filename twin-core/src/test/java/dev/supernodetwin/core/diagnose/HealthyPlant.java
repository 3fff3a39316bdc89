package dev.supernodetwin.core.diagnose;

import dev.supernodetwin.core.metric.Metric;
import dev.supernodetwin.core.state.SensorLayout;
import dev.supernodetwin.core.topology.Device;
import dev.supernodetwin.core.topology.DeviceKind;
import dev.supernodetwin.core.topology.Topology;

import java.util.Arrays;

/**
 * What every sensor of a topology reads when nothing is wrong: a nominal value and the σ of its noise,
 * by sensor index. NaN marks a sensor that has nothing to report (the laser input of an engine lane
 * with its own laser, the bias of one lit by an external laser, the light of an unused OCS port).
 *
 * <p>Values follow domain §2–§4 and §8: lanes launch 0.7 dBm from 7.5 dBm of laser light (6.8 dB of
 * modulator loss) and receive 0.2 dBm at a pre-FEC BER of 5e-8; external lasers put out 20 dBm at
 * 300 mA; an OCS cross-connect loses 2.7 dB; chips run at 64 °C (GPU), 60 °C (switch) and 55 °C
 * (engines) on water supplied at 30 °C and returned at 38 °C; every cold plate gets an equal, constant
 * share of the CDU's design flow.
 *
 * <p>The lanes' received power is set, not derived from the path: the engine does not relate OCS port
 * readings to the lanes behind them, and receivers well above their −5.9 dBm warning keep a dimming
 * lane on the CUSUM path. A test that needs receivers where the simulator puts them (about −5.5 dBm,
 * after two cross-connects) shifts them there.
 */
final class HealthyPlant {
    /** Engine case temperature. */
    static final double ENGINE_C = 55;
    private static final double TX_DBM = 0.7;
    private static final double RX_DBM = 0.2;
    private static final double LASER_IN_DBM = 7.5;
    private static final double BER = 5e-8;
    private static final double ELS_OUT_DBM = 20;
    private static final double ELS_BIAS_MA = 300;
    private static final double OCS_IL_DB = 2.7;
    private static final double GPU_C = 64;
    private static final double SUPPLY_C = 30;
    private static final double RETURN_C = 38;
    /** Fibre from an engine to the OCS input [EST]. */
    private static final double FIBRE_DB = 0.3;
    /** The ring heater holds resonance up to 80 °C at 0.57 mW/K (domain §3.3, as the simulator has it). */
    private static final double HEATER_MW_PER_K = 0.57;

    /** A nominal reading and the σ of its noise. */
    private record Nominal(double value, double sigma) {
    }

    /** Nothing to report. */
    private static final Nominal SILENT = new Nominal(Double.NaN, 0);

    final double[] value;
    final double[] sigma;

    HealthyPlant(SensorLayout layout, double designFlowLpm) {
        Topology topo = layout.topology();
        value = new double[layout.sensorCount()];
        sigma = new double[layout.sensorCount()];
        Arrays.fill(value, Double.NaN);
        int plates = topo.devicesOfKind(DeviceKind.COLDPLATE).size();
        for (Device d : topo.devices()) {
            for (Metric m : d.kind().deviceMetrics()) {
                set(layout.sensor(d.index(), m), deviceValue(d.kind(), m, designFlowLpm, plates));
            }
            for (int lane = 0; lane < d.laneCount(); lane++) {
                int global = topo.lane(d.index(), lane);
                for (Metric m : d.kind().laneMetrics()) {
                    set(layout.laneSensor(d.index(), lane, m), laneValue(topo, d.kind(), global, m));
                }
            }
        }
    }

    private void set(int sensor, Nominal nominal) {
        value[sensor] = nominal.value();
        sigma[sensor] = nominal.sigma();
    }

    private static Nominal v(double value, double sigma) {
        return new Nominal(value, sigma);
    }

    private static Nominal deviceValue(DeviceKind kind, Metric m, double designFlow, int plates) {
        return switch (kind) {
            case GPU -> gpu(m);
            case SWITCH -> m == Metric.TEMP_C ? v(60, 0.3) : v(300, 5);
            case OE -> switch (m) {
                case TEMP_C -> v(ENGINE_C, 0.2);
                case VCC_V -> v(3.3, 0.005);
                default -> v(15, 0.2); // power_w
            };
            case ELS -> v(40, 0.2);
            case OCS -> v(30, 0.2);
            case CDU -> cdu(m, designFlow);
            case COLDPLATE -> switch (m) {
                case INLET_C -> v(SUPPLY_C, 0.1);
                case OUTLET_C -> v(RETURN_C, 0.1);
                default -> v(designFlow / plates, 0);
            };
            case LEAK -> v(0, 0);
        };
    }

    private static Nominal gpu(Metric m) {
        return switch (m) {
            case TEMP_C -> v(GPU_C, 0.3);
            case HBM_TEMP_C -> v(GPU_C + 8, 0.3);
            case POWER_W -> v(900, 10);
            case SM_CLOCK_MHZ -> v(1980, 0);
            case UTIL_PCT -> v(95, 1);
            default -> v(0, 0);
        };
    }

    private static Nominal cdu(Metric m, double designFlow) {
        return switch (m) {
            case SUPPLY_C -> v(SUPPLY_C, 0.1);
            case RETURN_C -> v(RETURN_C, 0.1);
            case FLOW_LPM -> v(designFlow, 0.01 * designFlow);
            case DP_KPA -> v(80, 0.5);
            case LOOP_KPA -> v(200, 0.5);
            case PUMP_RPM -> v(3000, 10);
            default -> v(15, 0.1); // dew_point_c
        };
    }

    private static Nominal laneValue(Topology topo, DeviceKind kind, int lane, Metric m) {
        return switch (kind) {
            case OE -> engineLane(topo.laserOf(lane).isPresent(), m);
            case ELS -> switch (m) {
                case OUT_DBM -> v(ELS_OUT_DBM, 0.02);
                case BIAS_MA -> v(ELS_BIAS_MA, 0.2);
                case LASER_TEMP_C -> v(45, 0.05);
                case TEC_CURRENT_PCT -> v(30, 0.3);
                default -> v(10, 0); // laser_age_pct
            };
            case OCS -> {
                boolean used = topo.linksThrough(lane).size() > 0;
                yield switch (m) {
                    case IN_DBM -> used ? v(TX_DBM - FIBRE_DB, 0.05) : SILENT;
                    case OUT_DBM -> used ? v(TX_DBM - FIBRE_DB - OCS_IL_DB, 0.05) : SILENT;
                    default -> v(0, 0);
                };
            }
            default -> SILENT;
        };
    }

    private static Nominal engineLane(boolean externalLaser, Metric m) {
        return switch (m) {
            case TX_DBM -> v(TX_DBM, 0.05);
            case RX_DBM -> v(RX_DBM, 0.05);
            case BIAS_MA -> externalLaser ? SILENT : v(60, 0.2);
            case LASER_IN_DBM -> externalLaser ? v(LASER_IN_DBM, 0.05) : SILENT;
            case PRE_FEC_BER -> v(BER, 0.03);
            case ESNR_DB -> v(esnr(BER), 0.1);
            case MRM_HEATER_MW -> v(HEATER_MW_PER_K * (80 - ENGINE_C), 0.05);
            case MRM_DETUNE_PM -> v(0, 2);
            case LINK_UP -> v(1, 0);
            default -> v(0, 0);
        };
    }

    /** eSNR that goes with a pre-FEC BER, as the simulator relates them. */
    static double esnr(double ber) {
        return 17.5 - 2.2 * (Math.log10(ber) + 7);
    }
}
