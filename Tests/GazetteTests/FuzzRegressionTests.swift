import Foundation
import Testing
import Gazette

/// Inputs fuzzing found to crash the pipeline (`Scripts/fuzz pipeline`), each run whole: it must
/// give an extraction, not trap. (Fuzzed from the project's own example texts.)
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// A dateline-like line ("KUALA LUMPUR, 2025-07-11") after a visit's sentence, with broken
    /// bytes between: the visit's sentence ended before the dateline did, and the scan for a
    /// destination abroad took a range whose start was past its end.
    static let datelineAfterTheVisitSentence = "S1VBTEFpc3RlcnMnIG1lZXRpbmcuCgpJd2F5YSBhbHNQcmVzaWRlbnQgRmVyZGluYW5kIE1hcmNvcyBKci4gYXJyaXZlZCBpbiBDYW5iZXJyYSBvbiBXbyBtZXQgd2l0aCBDaGluZXNlIEZvcmVpZ24gTWluaXN0ZXIgV2FuZyBZaSwgdGhlIGZpcnN0IG1lZXRpbmcgYmV0d2VlbiB0aGUgdHdvIHRLVUFMQSBMVU1QVVIsIDIwMjUtMDctMTEgaGlzIHll////WFdhbmcgTFVNUFUPDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PDw8PD1IsIDIwMjUtMDctMTEg4oCUIEphcGFuZXNlIFtvcmVpZ24gTWluaXN0ZWsgVGFrJWJzaGkgSXdheWEgYW5kIlBoaWxpcHBpbmUgRm9yZWlnbiBBIEphcGFuZXNlIFtvcmVpZ24gTWluaXN0ZXIgVGFrZWJzaGkgSXdheWEgYW5kIlBoaWxpcHBpbmUgRm9yZWlnbiBBZmZhaXJzIFNlY3JldGFyeSBFbnJpcXVlIE1hYS1TZWNyZXRhcnkgR2VuZXJhbGNyZXRhcnkgRW5yaXF1ZSBNYWFubG8gaGVsZCB0YWxrcyBvbiBUaHVyc2RheSBvbiB0aGUgc2lkZWxpbmVzIG9mIHRoZSBBU0VBTiBmb3JlaWduIG1pbmlzdGVycycgbWVldGluZy4KCktVQUxBIExVTVBVUiwgS1VBTA=="

    @Test func aDatelineEndingPastTheVisitSentence() throws {
        let bytes = try #require(Data(base64Encoded: Self.datelineAfterTheVisitSentence))
        let worker = try sharedPipeline().makeWorker()
        let extraction = try worker.extract(Array(bytes), date: CalendarDay(iso: "2025-05-29"))  // (the fuzz target's date)
        #expect(!extraction.mentions.isEmpty)
    }
}
