import { powerMonitor, powerSaveBlocker } from 'electron';
import type { KeepAwakePort, PowerEventsPort } from '../shows/shows-ports';

/** While a show is armed the app keeps running through the display's and the system's idle sleep. */
export const electronKeepAwake: KeepAwakePort = {
  hold() {
    const id = powerSaveBlocker.start('prevent-app-suspension');
    return () => {
      if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
    };
  },
};

/** The OS woke the machine: the armed show recomputes its missed cues. */
export const electronPowerEvents: PowerEventsPort = {
  onResume(listener) {
    powerMonitor.on('resume', listener);
    return () => powerMonitor.off('resume', listener);
  },
};
