console.debug('relay placeholder');
