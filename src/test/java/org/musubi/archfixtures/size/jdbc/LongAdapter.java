package org.musubi.archfixtures.size.jdbc;

/** Over 400 lines and ten public methods, but an adapter by role: a statement a method. */
public final class LongAdapter {

    public int statement0() {
        return 0;
    }

    public int statement1() {
        return 1;
    }

    public int statement2() {
        return 2;
    }

    public int statement3() {
        return 3;
    }

    public int statement4() {
        return 4;
    }

    public int statement5() {
        return 5;
    }

    public int statement6() {
        return 6;
    }

    public int statement7() {
        return 7;
    }

    public int statement8() {
        return 8;
    }

    public int statement9() {
        return 9;
    }

    public int statement10() {
        return 10;
    }

    public int statement11() {
        return 11;
    }

    public int statement12() {
        return 12;
    }

    public int statement13() {
        return 13;
    }

    public int statement14() {
        return 14;
    }

    public int statement15() {
        return 15;
    }

    public int statement16() {
        return 16;
    }

    public int statement17() {
        return 17;
    }

    public int statement18() {
        return 18;
    }

    public int statement19() {
        return 19;
    }

    public int statement20() {
        return 20;
    }

    public int statement21() {
        return 21;
    }

    public int statement22() {
        return 22;
    }

    public int statement23() {
        return 23;
    }

    public int statement24() {
        return 24;
    }

    public int statement25() {
        return 25;
    }

    public int statement26() {
        return 26;
    }

    public int statement27() {
        return 27;
    }

    public int statement28() {
        return 28;
    }

    public int statement29() {
        return 29;
    }

    public int statement30() {
        return 30;
    }

    public int statement31() {
        return 31;
    }

    public int statement32() {
        return 32;
    }

    public int statement33() {
        return 33;
    }

    public int statement34() {
        return 34;
    }

    public int statement35() {
        return 35;
    }

    public int statement36() {
        return 36;
    }

    public int statement37() {
        return 37;
    }

    public int statement38() {
        return 38;
    }

    public int statement39() {
        return 39;
    }

    public int statement40() {
        return 40;
    }

    public int statement41() {
        return 41;
    }

    public int statement42() {
        return 42;
    }

    public int statement43() {
        return 43;
    }

    public int statement44() {
        return 44;
    }

    public int statement45() {
        return 45;
    }

    public int statement46() {
        return 46;
    }

    public int statement47() {
        return 47;
    }

    public int statement48() {
        return 48;
    }

    public int statement49() {
        return 49;
    }

    public int statement50() {
        return 50;
    }

    public int statement51() {
        return 51;
    }

    public int statement52() {
        return 52;
    }

    public int statement53() {
        return 53;
    }

    public int statement54() {
        return 54;
    }

    public int statement55() {
        return 55;
    }

    public int statement56() {
        return 56;
    }

    public int statement57() {
        return 57;
    }

    public int statement58() {
        return 58;
    }

    public int statement59() {
        return 59;
    }

    public int statement60() {
        return 60;
    }

    public int statement61() {
        return 61;
    }

    public int statement62() {
        return 62;
    }

    public int statement63() {
        return 63;
    }

    public int statement64() {
        return 64;
    }

    public int statement65() {
        return 65;
    }

    public int statement66() {
        return 66;
    }

    public int statement67() {
        return 67;
    }

    public int statement68() {
        return 68;
    }

    public int statement69() {
        return 69;
    }

    public int statement70() {
        return 70;
    }

    public int statement71() {
        return 71;
    }

    public int statement72() {
        return 72;
    }

    public int statement73() {
        return 73;
    }

    public int statement74() {
        return 74;
    }

    public int statement75() {
        return 75;
    }

    public int statement76() {
        return 76;
    }

    public int statement77() {
        return 77;
    }

    public int statement78() {
        return 78;
    }

    public int statement79() {
        return 79;
    }

    public int statement80() {
        return 80;
    }

    public int statement81() {
        return 81;
    }

    public int statement82() {
        return 82;
    }

    public int statement83() {
        return 83;
    }

    public int statement84() {
        return 84;
    }

    public int statement85() {
        return 85;
    }

    public int statement86() {
        return 86;
    }

    public int statement87() {
        return 87;
    }

    public int statement88() {
        return 88;
    }

    public int statement89() {
        return 89;
    }

    public int statement90() {
        return 90;
    }

    public int statement91() {
        return 91;
    }

    public int statement92() {
        return 92;
    }

    public int statement93() {
        return 93;
    }

    public int statement94() {
        return 94;
    }

    public int statement95() {
        return 95;
    }

    public int statement96() {
        return 96;
    }

    public int statement97() {
        return 97;
    }

    public int statement98() {
        return 98;
    }

    public int statement99() {
        return 99;
    }

}
