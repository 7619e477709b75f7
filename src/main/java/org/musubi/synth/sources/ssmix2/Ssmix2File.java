package org.musubi.synth.sources.ssmix2;

/**
 * One file of a standardized storage: the seven name fields and the HL7 message it holds.
 * {@code careDate} is {@code yyyyMMdd} or {@code -}; {@code flag} is the condition flag
 * (1 current, 2 superseded by an update, 0 deleted).
 */
record Ssmix2File(String patientId, String careDate, String dataType, String orderNumber, String timestamp,
                  String department, char flag, String message) {

    /** {@code <PID[0:3]>/<PID[3:6]>/<PID>/<care date>/<data type>}. */
    String directory() {
        return patientId.substring(0, 3) + "/" + patientId.substring(3, 6) + "/" + patientId + "/" + careDate + "/" + dataType;
    }

    /** {@code <PID>_<care date>_<type>_<order no>_<timestamp>_<department>_<flag>}. */
    String fileName() {
        return patientId + "_" + careDate + "_" + dataType + "_" + orderNumber + "_" + timestamp + "_" + department + "_" + flag;
    }
}
