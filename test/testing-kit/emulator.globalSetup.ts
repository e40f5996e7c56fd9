import { emulatorGlobalSetup } from '@databrain-embed/emulator/testing';

export default emulatorGlobalSetup();
