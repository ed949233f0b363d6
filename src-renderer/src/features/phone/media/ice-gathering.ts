/** How long we wait for ICE candidates before sending what we have (SIP carries one SDP, no trickle). */
const gatheringTimeoutMs = 2_500;

/** Waits for ICE gathering to finish (or the timeout) and returns the complete local SDP. */
export function gatheredSdp(pc: RTCPeerConnection): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = () => {
      window.clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      const sdp = pc.localDescription?.sdp;
      if (sdp) resolve(sdp);
      else reject(new Error('no local description'));
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = window.setTimeout(done, gatheringTimeoutMs);
    pc.addEventListener('icegatheringstatechange', check);
    check();
  });
}
