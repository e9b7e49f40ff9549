import { cleanDescriptor, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, objectCreate, objectFreeze, objectIsExtensible, objectIsFrozen, objectIsSealed, objectPreventExtensions, objectSeal, reflectOwnKeys } from './intrinsics';

/**
 * A copy of `source` that an app could not tell from it by shape: the same prototype, every own property
 * (symbols and non-enumerable ones too) with its descriptor as it is (an accessor is copied, never
 * called), the same extensibility (frozen, sealed or not extensible if the source is). `change` may edit
 * each property's descriptor (a prototype-less copy) before it is defined.
 */
export function copyWithDescriptors(source: object, change: (key: PropertyKey, descriptor: PropertyDescriptor) => void): object {
  const copy = objectCreate(getPrototypeOf(source) as object | null) as object;
  const keys = reflectOwnKeys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as PropertyKey;
    const d = getOwnPropertyDescriptor(source, key);
    if (d === undefined) continue;
    const clean = cleanDescriptor(d);
    change(key, clean);
    defineProperty(copy, key, clean);
  }
  if (objectIsFrozen(source)) objectFreeze(copy);
  else if (objectIsSealed(source)) objectSeal(copy);
  else if (!objectIsExtensible(source)) objectPreventExtensions(copy);
  return copy;
}
