export {
  createTestTokenSource,
  type TestTokenSource,
  type TestTokenSourceOptions,
  type TestTokenStep,
} from './createTestTokenSource.ts';
export {
  defineRecordingElements,
  getRecordedElement,
  getRecordedElements,
  type RecordedAttributeChange,
  type RecordedPropertySet,
  type RecordingElement,
  type RecordingTag,
  recordingElementsLoader,
} from './defineRecordingElements.ts';
