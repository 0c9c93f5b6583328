// A key pressed while an input method is composing (pinyin being picked) belongs to the input method: Enter
// takes the letters as typed, Esc drops the pinyin. Chromium marks such keys isComposing, or keyCode 229 on the
// key that ends the composition.
export const composing = (event: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean => event.isComposing || event.keyCode === 229;
