package org.musubi.archfixtures.size;

/** Over 400 lines: a story told in one class instead of several. */
public final class LongStory {

    public int chapters() {
        return chapter0();
    }

    private int chapter0() {
        return 1;
    }

    private int chapter1() {
        return 2;
    }

    private int chapter2() {
        return 3;
    }

    private int chapter3() {
        return 4;
    }

    private int chapter4() {
        return 5;
    }

    private int chapter5() {
        return 6;
    }

    private int chapter6() {
        return 7;
    }

    private int chapter7() {
        return 8;
    }

    private int chapter8() {
        return 9;
    }

    private int chapter9() {
        return 10;
    }

    private int chapter10() {
        return 11;
    }

    private int chapter11() {
        return 12;
    }

    private int chapter12() {
        return 13;
    }

    private int chapter13() {
        return 14;
    }

    private int chapter14() {
        return 15;
    }

    private int chapter15() {
        return 16;
    }

    private int chapter16() {
        return 17;
    }

    private int chapter17() {
        return 18;
    }

    private int chapter18() {
        return 19;
    }

    private int chapter19() {
        return 20;
    }

    private int chapter20() {
        return 21;
    }

    private int chapter21() {
        return 22;
    }

    private int chapter22() {
        return 23;
    }

    private int chapter23() {
        return 24;
    }

    private int chapter24() {
        return 25;
    }

    private int chapter25() {
        return 26;
    }

    private int chapter26() {
        return 27;
    }

    private int chapter27() {
        return 28;
    }

    private int chapter28() {
        return 29;
    }

    private int chapter29() {
        return 30;
    }

    private int chapter30() {
        return 31;
    }

    private int chapter31() {
        return 32;
    }

    private int chapter32() {
        return 33;
    }

    private int chapter33() {
        return 34;
    }

    private int chapter34() {
        return 35;
    }

    private int chapter35() {
        return 36;
    }

    private int chapter36() {
        return 37;
    }

    private int chapter37() {
        return 38;
    }

    private int chapter38() {
        return 39;
    }

    private int chapter39() {
        return 40;
    }

    private int chapter40() {
        return 41;
    }

    private int chapter41() {
        return 42;
    }

    private int chapter42() {
        return 43;
    }

    private int chapter43() {
        return 44;
    }

    private int chapter44() {
        return 45;
    }

    private int chapter45() {
        return 46;
    }

    private int chapter46() {
        return 47;
    }

    private int chapter47() {
        return 48;
    }

    private int chapter48() {
        return 49;
    }

    private int chapter49() {
        return 50;
    }

    private int chapter50() {
        return 51;
    }

    private int chapter51() {
        return 52;
    }

    private int chapter52() {
        return 53;
    }

    private int chapter53() {
        return 54;
    }

    private int chapter54() {
        return 55;
    }

    private int chapter55() {
        return 56;
    }

    private int chapter56() {
        return 57;
    }

    private int chapter57() {
        return 58;
    }

    private int chapter58() {
        return 59;
    }

    private int chapter59() {
        return 60;
    }

    private int chapter60() {
        return 61;
    }

    private int chapter61() {
        return 62;
    }

    private int chapter62() {
        return 63;
    }

    private int chapter63() {
        return 64;
    }

    private int chapter64() {
        return 65;
    }

    private int chapter65() {
        return 66;
    }

    private int chapter66() {
        return 67;
    }

    private int chapter67() {
        return 68;
    }

    private int chapter68() {
        return 69;
    }

    private int chapter69() {
        return 70;
    }

    private int chapter70() {
        return 71;
    }

    private int chapter71() {
        return 72;
    }

    private int chapter72() {
        return 73;
    }

    private int chapter73() {
        return 74;
    }

    private int chapter74() {
        return 75;
    }

    private int chapter75() {
        return 76;
    }

    private int chapter76() {
        return 77;
    }

    private int chapter77() {
        return 78;
    }

    private int chapter78() {
        return 79;
    }

    private int chapter79() {
        return 80;
    }

    private int chapter80() {
        return 81;
    }

    private int chapter81() {
        return 82;
    }

    private int chapter82() {
        return 83;
    }

    private int chapter83() {
        return 84;
    }

    private int chapter84() {
        return 85;
    }

    private int chapter85() {
        return 86;
    }

    private int chapter86() {
        return 87;
    }

    private int chapter87() {
        return 88;
    }

    private int chapter88() {
        return 89;
    }

    private int chapter89() {
        return 90;
    }

    private int chapter90() {
        return 91;
    }

    private int chapter91() {
        return 92;
    }

    private int chapter92() {
        return 93;
    }

    private int chapter93() {
        return 94;
    }

    private int chapter94() {
        return 95;
    }

    private int chapter95() {
        return 96;
    }

    private int chapter96() {
        return 97;
    }

    private int chapter97() {
        return 98;
    }

    private int chapter98() {
        return 99;
    }

    private int chapter99() {
        return 100;
    }

}
