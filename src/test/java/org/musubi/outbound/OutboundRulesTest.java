package org.musubi.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The address rules of configured connections (issue 66): the server's own machine and its private networks are
 * refused in every way an address can be written — IPv4, IPv6, and IPv6 forms that carry an IPv4 address — unless
 * the operator allows them by address, CIDR block or host name; the internet is permitted; a wrong entry in
 * {@code musubi.outbound.allow} stops the start naming the setting and the entry.
 */
class OutboundRulesTest {

    private static final OutboundRules NONE = OutboundRules.of(List.of());

    @Test
    void refusesLoopbackLinkLocalPrivateUnspecifiedAndMulticastInIpv4() throws Exception {
        for (String address : List.of("127.0.0.1", "127.255.255.254", "169.254.169.254", "10.0.0.1", "10.255.255.255",
                "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.254", "0.0.0.0", "0.1.2.3", "100.64.0.1",
                "100.127.255.255", "192.0.0.8", "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250",
                "240.0.0.1", "255.255.255.255")) {
            assertThat(NONE.permits(address, InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void refusesLoopbackLinkLocalUniqueLocalUnspecifiedAndMulticastInIpv6() throws Exception {
        for (String address : List.of("::1", "::", "fe80::1", "febf:ffff::1", "fec0::1", "fc00::1", "fd12:3456::7",
                "ff02::1", "ff05::1:3")) {
            assertThat(NONE.permits(address, InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void judgesAnIpv6AddressThatCarriesAnIpv4AddressByIt() throws Exception {
        // as a DNS answer (an AAAA record) hands them over: Inet6Address objects, not converted
        for (String hex : List.of("00000000000000000000ffff7f000001", // ::ffff:127.0.0.1 (mapped)
                "00000000000000000000ffffa9fea9fe", // ::ffff:169.254.169.254
                "00000000000000000000ffffc0a80101", // ::ffff:192.168.1.1
                "0000000000000000000000000a000001", // ::10.0.0.1 (compatible)
                "0064ff9b0000000000000000 7f000001".replace(" ", ""), // 64:ff9b::127.0.0.1 (NAT64)
                "20027f000001000000000000000000 01".replace(" ", ""))) { // 2002:7f00:1::1 (6to4 of 127.0.0.1)
            InetAddress carried = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), null);
            assertThat(NONE.permits("host.example.jp", carried)).as(hex).isFalse();
        }
        InetAddress publicMapped = Inet6Address.getByAddress(null, HexFormat.of().parseHex(
                "00000000000000000000ffffcb007105"), null); // ::ffff:203.0.113.5
        assertThat(NONE.permits("host.example.jp", publicMapped)).isTrue();
        assertThat(NONE.permits("::ffff:127.0.0.1", InetAddress.getByName("::ffff:127.0.0.1"))).isFalse();
    }

    @Test
    void permitsTheInternet() throws Exception {
        for (String address : List.of("8.8.8.8", "203.0.113.5", "172.32.0.1", "172.15.255.255", "11.0.0.1",
                "100.128.0.1", "192.169.0.1", "2400:cb00::1", "2001:db8::1", "2002:cb00:7105::1")) {
            assertThat(NONE.permits(address, InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void theOperatorAllowsAddressesBlocksAndHostNames() throws Exception {
        OutboundRules rules = OutboundRules.of(List.of(" 127.0.0.1 ", "10.0.1.0/24", "FD00::/8", "ORCA.Clinic.example.jp",
                "[::1]"));

        assertThat(rules.permits("127.0.0.1", InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(rules.permits("127.0.0.2", InetAddress.getByName("127.0.0.2"))).as("one address, not its block").isFalse();
        InetAddress mapped = Inet6Address.getByAddress(null, HexFormat.of().parseHex("00000000000000000000ffff7f000001"), null);
        assertThat(rules.permits("h.example.jp", mapped)).as("::ffff:127.0.0.1 is 127.0.0.1").isTrue();
        assertThat(rules.permits("10.0.1.77", InetAddress.getByName("10.0.1.77"))).isTrue();
        assertThat(rules.permits("10.0.2.1", InetAddress.getByName("10.0.2.1"))).isFalse();
        assertThat(rules.permits("fd00::5", InetAddress.getByName("fd00::5"))).isTrue();
        assertThat(rules.permits("fc00::5", InetAddress.getByName("fc00::5"))).as("fc00::/8 is not fd00::/8").isFalse();
        assertThat(rules.permits("::1", InetAddress.getByName("::1"))).isTrue();
        assertThat(rules.permits("orca.clinic.example.jp.", InetAddress.getByName("192.168.5.5")))
                .as("an allowed name: whatever it resolves to").isTrue();
        assertThat(rules.permits("other.clinic.example.jp", InetAddress.getByName("192.168.5.5"))).isFalse();
    }

    @Test
    void aWrongEntryStopsTheStartNamingTheSettingAndTheEntry() {
        for (String wrong : List.of("10.0.1.0/33", "::1/129", "300.1.1.1", "10.0.1", "orca clinic", "http://orca.example.jp",
                "10.0.0.0/x", "*.example.jp")) {
            assertThatThrownBy(() -> OutboundRules.of(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("musubi.outbound.allow")
                    .hasMessageEndingWith(": " + wrong);
        }
        assertThatThrownBy(() -> new OutboundProperties(List.of("10.0.0.0/40")))
                .hasMessageContaining("musubi.outbound.allow").hasMessageContaining("10.0.0.0/40");
        assertThat(new OutboundProperties(List.of()).allow()).isEmpty();
    }
}
