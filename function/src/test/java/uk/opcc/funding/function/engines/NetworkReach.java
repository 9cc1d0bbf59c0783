package uk.opcc.funding.function.engines;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether an engine's port answers from off this machine: tried on every address this machine has
 * that is not loopback, as another machine on the same network would reach it.
 */
public final class NetworkReach {
    private NetworkReach() {
    }

    /** Every address of this machine's interfaces that is up, bar loopback; skips the calling test when there is none. */
    public static List<InetAddress> nonLoopbackAddresses() {
        try {
            List<InetAddress> addresses = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(NetworkReach::up)
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress())
                    .toList();
            Assumptions.assumeFalse(addresses.isEmpty(), "this machine has no address but loopback: nothing to try the engines' ports on");
            return addresses;
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The addresses among {@code addresses} on which something accepted a connection to {@code port}. */
    public static List<String> answering(List<InetAddress> addresses, int port) {
        return addresses.stream().filter(a -> connects(a, port)).map(a -> a.getHostAddress() + " port " + port).toList();
    }

    public static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean up(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
